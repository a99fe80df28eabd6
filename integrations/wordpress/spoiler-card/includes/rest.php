<?php
/**
 * The REST routes:
 * - GET  spoiler-card/v1/movies/<post id>: a movie's JSON, as stored, with
 *   an ETag and cache headers. A published movie is public; a draft or a
 *   private one only for those who can edit it (the card's request
 *   carries a REST nonce then).
 * - GET  spoiler-card/v1/movies?search=: movies to pick, for editors.
 * - GET  spoiler-card/v1/posts/<post id>/cards: what each card of a post
 *   is rendered from (for the editor's prerendering).
 * - POST spoiler-card/v1/posts/<post id>/fragments: the cards the editor
 *   prerendered; kept only under the hash of the inputs they are for.
 *
 * @package SpoilerCard
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'rest_api_init',
	function () {
		register_rest_route(
			'spoiler-card/v1',
			'/movies/(?P<id>\d+)',
			array(
				'methods'             => 'GET',
				'callback'            => 'spoiler_card_rest_movie',
				'permission_callback' => 'spoiler_card_rest_can_read_movie',
				'args'                => array(
					'id' => array(
						'validate_callback' => function ( $value ) {
							return is_numeric( $value );
						},
					),
				),
			)
		);
		register_rest_route(
			'spoiler-card/v1',
			'/movies',
			array(
				'methods'             => 'GET',
				'callback'            => 'spoiler_card_rest_movies',
				'permission_callback' => function () {
					return current_user_can( 'edit_posts' );
				},
				'args'                => array(
					'search'  => array(
						'type'    => 'string',
						'default' => '',
					),
					'include' => array(
						'type'    => 'integer',
						'default' => 0,
					),
				),
			)
		);
		register_rest_route(
			'spoiler-card/v1',
			'/posts/(?P<id>\d+)/cards',
			array(
				'methods'             => 'GET',
				'callback'            => 'spoiler_card_rest_cards',
				'permission_callback' => 'spoiler_card_rest_can_edit_post',
			)
		);
		register_rest_route(
			'spoiler-card/v1',
			'/posts/(?P<id>\d+)/fragments',
			array(
				'methods'             => 'POST',
				'callback'            => 'spoiler_card_rest_store_fragments',
				'permission_callback' => 'spoiler_card_rest_can_edit_post',
			)
		);
	}
);

/** The movie post `$id`, or null. */
function spoiler_card_movie_post( $id ) {
	$post = get_post( absint( $id ) );
	return ( $post && SPOILER_CARD_POST_TYPE === $post->post_type ) ? $post : null;
}

/** May the current user read the movie: published, or theirs to edit. */
function spoiler_card_can_read_movie( $post ) {
	if ( ! $post || 'trash' === $post->post_status ) {
		return false;
	}
	return 'publish' === $post->post_status || current_user_can( 'edit_post', $post->ID );
}

/** Permission of the movie route (a 404 hides what cannot be read). */
function spoiler_card_rest_can_read_movie( WP_REST_Request $request ) {
	if ( spoiler_card_can_read_movie( spoiler_card_movie_post( $request['id'] ) ) ) {
		return true;
	}
	return new WP_Error( 'spoiler_card_not_found', __( 'No such movie.', 'spoiler-card' ), array( 'status' => 404 ) );
}

/** Permission of a post's routes: edit that post. */
function spoiler_card_rest_can_edit_post( WP_REST_Request $request ) {
	return current_user_can( 'edit_post', absint( $request['id'] ) );
}

/**
 * A movie's JSON, byte for byte as stored (the card validates it). Served
 * raw (see rest_pre_serve_request below): WordPress would otherwise
 * re-encode it, and an empty object `{}` would come back as `[]`.
 */
function spoiler_card_rest_movie( WP_REST_Request $request ) {
	$post = spoiler_card_movie_post( $request['id'] );
	$json = spoiler_card_movie_json( $post->ID );
	if ( '' === $json ) {
		return new WP_Error( 'spoiler_card_empty', __( 'This movie has no data yet.', 'spoiler-card' ), array( 'status' => 404 ) );
	}
	$etag  = '"' . md5( $json ) . '"';
	$match = $request->get_header( 'if_none_match' );
	$cache = 'publish' === $post->post_status ? 'public, max-age=300' : 'private, no-store';
	// A proxy that compresses may have made it weak (W/"…"): the same bytes.
	$sent = is_string( $match ) ? array_map(
		function ( $tag ) {
			return preg_replace( '#^W/#', '', trim( $tag ) );
		},
		explode( ',', $match )
	) : array();
	if ( in_array( $etag, $sent, true ) || in_array( '*', $sent, true ) ) {
		$response = new WP_REST_Response( null, 304 );
	} else {
		$response = new WP_REST_Response( array( 'spoiler_card_raw_json' => $json ), 200 );
		$response->header( 'Content-Type', 'application/json; charset=utf-8' );
	}
	$response->header( 'ETag', $etag );
	$response->header( 'Cache-Control', $cache );
	$response->header( 'Vary', 'Cookie' );
	return $response;
}

/** The movie route's body is the stored text itself. */
add_filter(
	'rest_pre_serve_request',
	function ( $served, $result, $request ) {
		if ( $served || ! ( $result instanceof WP_HTTP_Response ) ) {
			return $served;
		}
		$data = $result->get_data();
		if ( 304 === $result->get_status() && 0 === strpos( $request->get_route(), '/spoiler-card/v1/movies/' ) ) {
			return true;
		}
		if ( is_array( $data ) && isset( $data['spoiler_card_raw_json'] ) && 0 === strpos( $request->get_route(), '/spoiler-card/v1/movies/' ) ) {
			// Buffered: WordPress still sends headers after this filter (its
			// no-cache headers, for a logged-in user).
			ob_start();
			echo $data['spoiler_card_raw_json']; // phpcs:ignore WordPress.Security.EscapeOutput -- JSON served as JSON.
			return true;
		}
		return $served;
	},
	10,
	3
);

/** Movies to pick in the block's search: id, title, year, status. */
function spoiler_card_rest_movies( WP_REST_Request $request ) {
	$args = array(
		'post_type'      => SPOILER_CARD_POST_TYPE,
		'post_status'    => array( 'publish', 'draft', 'pending', 'private', 'future' ),
		'posts_per_page' => 20,
		'orderby'        => 'title',
		'order'          => 'ASC',
		's'              => (string) $request['search'],
	);
	if ( $request['include'] ) {
		$args['post__in'] = array( absint( $request['include'] ) );
		unset( $args['s'] );
	}
	$out = array();
	foreach ( get_posts( $args ) as $post ) {
		if ( ! spoiler_card_can_read_movie( $post ) ) {
			continue;
		}
		$facts = spoiler_card_movie_facts( spoiler_card_movie_json( $post->ID ) );
		$out[] = array(
			'id'     => $post->ID,
			'title'  => '' !== $facts['title'] ? $facts['title'] : $post->post_title,
			'year'   => $facts['year'],
			'status' => $post->post_status,
		);
	}
	return rest_ensure_response( $out );
}

/** Each card of a post, with what it is rendered from. */
function spoiler_card_rest_cards( WP_REST_Request $request ) {
	$post = get_post( absint( $request['id'] ) );
	if ( ! $post ) {
		return new WP_Error( 'spoiler_card_not_found', __( 'No such post.', 'spoiler-card' ), array( 'status' => 404 ) );
	}
	$cards = array();
	foreach ( spoiler_card_cards_of( $post ) as $card ) {
		$cards[] = array(
			'hash'    => $card['hash'],
			'movie'   => $card['json'],
			'options' => $card['render'],
		);
	}
	return rest_ensure_response( $cards );
}

/**
 * Keeps the prerendered cards the editor sends for the post, each only
 * under the hash of a card the post has now (anything else is dropped).
 */
function spoiler_card_rest_store_fragments( WP_REST_Request $request ) {
	$post = get_post( absint( $request['id'] ) );
	$sent = $request->get_json_params();
	if ( ! $post || ! is_array( $sent ) || ! isset( $sent['fragments'] ) || ! is_array( $sent['fragments'] ) ) {
		return new WP_Error( 'spoiler_card_bad_request', __( 'Expected {"fragments": [{"hash", "html"}]}.', 'spoiler-card' ), array( 'status' => 400 ) );
	}
	$wanted = array();
	foreach ( spoiler_card_cards_of( $post ) as $card ) {
		$wanted[ $card['hash'] ] = true;
	}
	$kept = array();
	foreach ( $sent['fragments'] as $fragment ) {
		if ( ! is_array( $fragment ) || ! isset( $fragment['hash'], $fragment['html'] ) || ! is_string( $fragment['hash'] ) || ! is_string( $fragment['html'] ) ) {
			continue;
		}
		if ( isset( $wanted[ $fragment['hash'] ] ) && strlen( $fragment['html'] ) <= SPOILER_CARD_MAX_JSON_BYTES ) {
			$kept[ $fragment['hash'] ] = $fragment['html'];
		}
	}
	update_post_meta( $post->ID, SPOILER_CARD_FRAGMENTS_META, wp_slash( $kept ) );
	return rest_ensure_response( array( 'kept' => count( $kept ) ) );
}
