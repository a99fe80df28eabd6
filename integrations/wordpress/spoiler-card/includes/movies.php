<?php
/**
 * Movies: a post type of its own, not public as pages and excluded from
 * search. Each is edited in the card studio (<spoiler-card-studio>) on its
 * edit screen; its JSON is kept in post meta, never in post_content (kses
 * would filter an Author's content and mangle `<` and `&`).
 *
 * @package SpoilerCard
 */

defined( 'ABSPATH' ) || exit;

/** Registers the Movies post type. */
function spoiler_card_register_post_type() {
	register_post_type(
		SPOILER_CARD_POST_TYPE,
		array(
			'labels'              => array(
				'name'               => __( 'Movies', 'spoiler-card' ),
				'singular_name'      => __( 'Movie', 'spoiler-card' ),
				'add_new'            => __( 'Add New', 'spoiler-card' ),
				'add_new_item'       => __( 'Add New Movie', 'spoiler-card' ),
				'edit_item'          => __( 'Edit Movie', 'spoiler-card' ),
				'new_item'           => __( 'New Movie', 'spoiler-card' ),
				'search_items'       => __( 'Search Movies', 'spoiler-card' ),
				'not_found'          => __( 'No movies found.', 'spoiler-card' ),
				'not_found_in_trash' => __( 'No movies found in Trash.', 'spoiler-card' ),
				'all_items'          => __( 'All Movies', 'spoiler-card' ),
			),
			'description'         => __( 'Movies for spoiler cards.', 'spoiler-card' ),
			'public'              => false,
			'publicly_queryable'  => false,
			'exclude_from_search' => true,
			'show_ui'             => true,
			'show_in_menu'        => true,
			'show_in_nav_menus'   => false,
			'show_in_rest'        => false,
			'menu_icon'           => 'dashicons-format-video',
			'capability_type'     => 'post',
			'map_meta_cap'        => true,
			'supports'            => array( 'title', 'author' ),
			'has_archive'         => false,
			'rewrite'             => false,
			'query_var'           => false,
		)
	);
}
add_action( 'init', 'spoiler_card_register_post_type' );

/** A movie's JSON text ('' if it has none). */
function spoiler_card_movie_json( $post_id ) {
	$json = get_post_meta( $post_id, SPOILER_CARD_JSON_META, true );
	return is_string( $json ) ? $json : '';
}

/** The studio on a movie's edit screen, in place of the content editor. */
add_action(
	'edit_form_after_title',
	function ( $post ) {
		if ( SPOILER_CARD_POST_TYPE !== $post->post_type ) {
			return;
		}
		wp_nonce_field( 'spoiler_card_save_movie', 'spoiler_card_movie_nonce' );
		$json = spoiler_card_movie_json( $post->ID );
		printf(
			'<textarea id="spoiler-card-json" name="spoiler_card_json" hidden>%s</textarea>',
			esc_textarea( $json )
		);
		printf(
			'<div class="spoiler-card-studio-wrap"><spoiler-card-studio id="spoiler-card-studio" draft-key="%s" lang="%s"></spoiler-card-studio></div>',
			esc_attr( 'wp-' . get_current_blog_id() . '-' . $post->ID ),
			esc_attr( get_bloginfo( 'language' ) )
		);
		echo '<noscript><p>' . esc_html__( 'The card studio needs JavaScript.', 'spoiler-card' ) . '</p></noscript>';
	}
);

/** The studio's files and its glue on a movie's edit screen. */
add_action(
	'admin_enqueue_scripts',
	function ( $hook ) {
		$screen = get_current_screen();
		if ( ! $screen || SPOILER_CARD_POST_TYPE !== $screen->post_type || ! in_array( $hook, array( 'post.php', 'post-new.php' ), true ) ) {
			return;
		}
		wp_enqueue_script( 'spoiler-card' );
		wp_enqueue_script( 'spoiler-card-studio' );
		wp_enqueue_script( 'spoiler-card-movie-editor', plugins_url( 'admin/movie-editor.js', SPOILER_CARD_FILE ), array(), SPOILER_CARD_VERSION, true );
		wp_enqueue_style( 'spoiler-card-admin', plugins_url( 'admin/admin.css', SPOILER_CARD_FILE ), array(), SPOILER_CARD_VERSION );
	}
);

/**
 * Saves the studio's JSON with the movie: nonce and capability checked,
 * the text kept as written (slashed for update_post_meta, which unslashes).
 * The plugin never trusts it: the card validates it, as everywhere.
 */
add_action(
	'save_post_' . SPOILER_CARD_POST_TYPE,
	function ( $post_id ) {
		if ( ! isset( $_POST['spoiler_card_movie_nonce'] ) || ! wp_verify_nonce( sanitize_key( wp_unslash( $_POST['spoiler_card_movie_nonce'] ) ), 'spoiler_card_save_movie' ) ) {
			return;
		}
		if ( ( defined( 'DOING_AUTOSAVE' ) && DOING_AUTOSAVE ) || wp_is_post_revision( $post_id ) || ! current_user_can( 'edit_post', $post_id ) ) {
			return;
		}
		if ( ! isset( $_POST['spoiler_card_json'] ) || ! is_string( $_POST['spoiler_card_json'] ) ) {
			return;
		}
		// The JSON text exactly as written: no sanitising filter may touch
		// it. A form sends a textarea's line breaks as CRLF; in JSON they can
		// only be whitespace between tokens (a string's are escaped), so they
		// are put back as the studio wrote them.
		$json = str_replace( "\r\n", "\n", wp_unslash( $_POST['spoiler_card_json'] ) ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
		spoiler_card_store_movie( $post_id, $json );
	}
);

/**
 * Stores `$json` as the movie's, if it is a JSON object within the card's
 * size limit; otherwise keeps what was stored and says why on the next
 * screen. Returns whether it stored it.
 */
function spoiler_card_store_movie( $post_id, $json ) {
	$problem = null;
	if ( strlen( $json ) > SPOILER_CARD_MAX_JSON_BYTES ) {
		$problem = __( 'The movie was not saved: its JSON is larger than the card reads (5 MB).', 'spoiler-card' );
	} else {
		// Decoded as objects, so that `{}` and `[]` stay apart.
		$movie = json_decode( $json );
		if ( ! is_object( $movie ) ) {
			$problem = __( 'The movie was not saved: its JSON is not a JSON object.', 'spoiler-card' );
		}
	}
	if ( null !== $problem ) {
		set_transient( 'spoiler_card_notice_' . get_current_user_id(), $problem, 60 );
		return false;
	}
	update_post_meta( $post_id, SPOILER_CARD_JSON_META, wp_slash( $json ) );
	$id = isset( $movie->id ) && is_string( $movie->id ) ? $movie->id : '';
	update_post_meta( $post_id, SPOILER_CARD_ID_META, wp_slash( $id ) );
	return true;
}

/** Other movies with the same `id` as `$post_id`'s (their progress is shared). */
function spoiler_card_same_id( $post_id ) {
	$id = get_post_meta( $post_id, SPOILER_CARD_ID_META, true );
	if ( ! is_string( $id ) || '' === $id ) {
		return array();
	}
	return get_posts(
		array(
			'post_type'      => SPOILER_CARD_POST_TYPE,
			'post_status'    => array( 'publish', 'draft', 'pending', 'private', 'future' ),
			'posts_per_page' => 5,
			'post__not_in'   => array( $post_id ),
			'meta_key'       => SPOILER_CARD_ID_META, // phpcs:ignore WordPress.DB.SlowDBQuery
			'meta_value'     => $id, // phpcs:ignore WordPress.DB.SlowDBQuery
		)
	);
}

/** Notices on a movie's screen: a refused save, an id another movie has. */
add_action(
	'admin_notices',
	function () {
		$screen = get_current_screen();
		if ( ! $screen || SPOILER_CARD_POST_TYPE !== $screen->post_type || 'post' !== $screen->base ) {
			return;
		}
		$key    = 'spoiler_card_notice_' . get_current_user_id();
		$notice = get_transient( $key );
		if ( is_string( $notice ) ) {
			delete_transient( $key );
			printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( $notice ) );
		}
		$post = get_post();
		if ( ! $post ) {
			return;
		}
		foreach ( spoiler_card_same_id( $post->ID ) as $other ) {
			// A movie the user cannot read is not named (its title is not theirs to see).
			$name = spoiler_card_can_read_movie( $other ) ? get_the_title( $other ) : __( '(one you cannot see)', 'spoiler-card' );
			printf(
				'<div class="notice notice-warning spoiler-card-same-id"><p>%s</p></div>',
				esc_html(
					sprintf(
						/* translators: 1: the other movie's title, 2: the movie's id. */
						__( 'Another movie, “%1$s”, has the same id “%2$s”. A reader’s progress is kept by id, so the two cards would share it: give each movie its own id.', 'spoiler-card' ),
						$name,
						get_post_meta( $post->ID, SPOILER_CARD_ID_META, true )
					)
				)
			);
		}
	}
);

/** The Movies list: the movie's id beside its title. */
add_filter(
	'manage_' . SPOILER_CARD_POST_TYPE . '_posts_columns',
	function ( $columns ) {
		$columns['spoiler_card_id'] = __( 'Id', 'spoiler-card' );
		return $columns;
	}
);
add_action(
	'manage_' . SPOILER_CARD_POST_TYPE . '_posts_custom_column',
	function ( $column, $post_id ) {
		if ( 'spoiler_card_id' === $column ) {
			echo esc_html( (string) get_post_meta( $post_id, SPOILER_CARD_ID_META, true ) );
		}
	},
	10,
	2
);
