<?php
/**
 * A card on a page: the live <spoiler-card> element with its fallback (the
 * title and year, linked to the movie's first "more" link), or the
 * prerendered card the editor stored for exactly these inputs. Feeds get
 * the fallback alone.
 *
 * Everything from a block's or a shortcode's attributes is normalised to a
 * closed set of values before output, and escaped on output: a Contributor
 * cannot turn an attribute into markup, script or a `javascript:` URL.
 *
 * @package SpoilerCard
 */

defined( 'ABSPATH' ) || exit;

/**
 * A card's options: the element's attribute for each, and its name among
 * the options of the studio's render() (none for `remember`, which the
 * renderer does not write: it is added to a stored card as it is printed).
 */
const SPOILER_CARD_OPTION_NAMES = array(
	'progress' => array( 'progress', 'progress' ),
	'theme'    => array( 'theme', 'theme' ),
	'heading'  => array( 'heading-level', 'headingLevel' ),
	'remember' => array( 'remember', null ),
	'lang'     => array( 'lang', 'lang' ),
);

/**
 * A card's options from block or shortcode attributes (untrusted), each
 * one the card accepts, or null (the card's default).
 */
function spoiler_card_options( $attrs ) {
	$attrs = is_array( $attrs ) ? $attrs : array();
	$pick  = function ( $key, $keys ) use ( $attrs ) {
		foreach ( $keys as $k ) {
			if ( isset( $attrs[ $k ] ) && is_scalar( $attrs[ $k ] ) ) {
				return trim( (string) $attrs[ $k ] );
			}
		}
		return null;
	};
	$options  = array(
		'movie'    => 0,
		'progress' => null,
		'theme'    => null,
		'heading'  => null,
		'remember' => null,
		'lang'     => null,
	);
	$movie    = $pick( 'movie', array( 'movie', 'id' ) );
	$progress = $pick( 'progress', array( 'progress' ) );
	$theme    = $pick( 'theme', array( 'theme' ) );
	$heading  = $pick( 'heading', array( 'headingLevel', 'heading_level', 'heading-level', 'heading' ) );
	$remember = $pick( 'remember', array( 'remember' ) );
	$lang     = $pick( 'lang', array( 'lang' ) );
	if ( null !== $movie && preg_match( '/^[0-9]{1,18}$/', $movie ) ) {
		$options['movie'] = (int) $movie;
	}
	if ( null !== $progress && '' !== $progress ) {
		if ( preg_match( '/^[0-9]{1,4}$/', $progress ) ) {
			$options['progress'] = (int) $progress;
		} elseif ( preg_match( '/^(\d{1,2}):([0-5]\d)$/', $progress, $m ) ) {
			$options['progress'] = (int) $m[1] * 60 + (int) $m[2];
		}
	}
	if ( in_array( $theme, array( 'light', 'dark', 'auto' ), true ) ) {
		$options['theme'] = $theme;
	}
	if ( null !== $heading && preg_match( '/^[1-6]$/', $heading ) ) {
		$options['heading'] = (int) $heading;
	}
	if ( in_array( $remember, array( 'none', 'progress', 'all' ), true ) ) {
		$options['remember'] = $remember;
	}
	if ( null !== $lang && preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/', $lang ) ) {
		$options['lang'] = $lang;
	}
	return $options;
}

/** The title and year a movie's JSON gives, and its first http(s) link. */
function spoiler_card_movie_facts( $json ) {
	$facts = array(
		'title' => '',
		'year'  => null,
		'link'  => '',
	);
	$movie = '' !== $json ? json_decode( $json ) : null;
	if ( ! is_object( $movie ) ) {
		return $facts;
	}
	if ( isset( $movie->title ) && is_string( $movie->title ) ) {
		$facts['title'] = wp_html_excerpt( trim( $movie->title ), 300 );
	}
	if ( isset( $movie->year ) && is_int( $movie->year ) && $movie->year > 0 && $movie->year < 10000 ) {
		$facts['year'] = $movie->year;
	}
	$links = isset( $movie->more->links ) && is_array( $movie->more->links ) ? $movie->more->links : array();
	foreach ( $links as $link ) {
		if ( is_object( $link ) && isset( $link->url ) && is_string( $link->url ) && preg_match( '#^https?://#i', $link->url ) ) {
			$facts['link'] = $link->url;
			break;
		}
	}
	return $facts;
}

/** The URL the card fetches a movie's JSON from. */
function spoiler_card_movie_src( $post ) {
	// In the scheme of the site's own address, whatever the request's (an
	// admin over https, a proxy): the src is part of a stored card's hash.
	$src = set_url_scheme( rest_url( 'spoiler-card/v1/movies/' . $post->ID ), wp_parse_url( home_url(), PHP_URL_SCHEME ) );
	// A draft or private movie (a preview): the request carries the nonce
	// WordPress's cookie authentication needs. Published ones never do, so
	// pages stay cacheable.
	if ( 'publish' !== $post->post_status ) {
		$src = add_query_arg( '_wpnonce', wp_create_nonce( 'wp_rest' ), $src );
	}
	return $src;
}

/** The language a prerendered card is written in: the card's, else the site's. */
function spoiler_card_site_lang() {
	// The site's locale, not the user's (the editor's requests carry
	// `_locale=user`): readers and the editor must agree on it.
	$lang = str_replace( '_', '-', (string) get_locale() );
	return preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/', $lang ) ? $lang : 'en';
}

/**
 * What a card is made from: its movie, its options, the element's
 * attributes, the options of the studio's render(), and the hash of all
 * of them with the plugin's version (the key of a stored fragment).
 * Null if the movie cannot be shown to this reader.
 */
function spoiler_card_inputs( $attrs ) {
	$options = spoiler_card_options( $attrs );
	$post    = spoiler_card_movie_post( $options['movie'] );
	if ( ! spoiler_card_can_read_movie( $post ) ) {
		return null;
	}
	$json = spoiler_card_movie_json( $post->ID );
	if ( '' === $json ) {
		return null;
	}
	$src     = spoiler_card_movie_src( $post );
	$element = array( 'src' => $src );
	$render  = array(
		'src'   => $src,
		'embed' => spoiler_card_embed_url(),
		'lang'  => spoiler_card_site_lang(),
	);
	foreach ( SPOILER_CARD_OPTION_NAMES as $option => list( $attribute, $render_key ) ) {
		if ( null === $options[ $option ] ) {
			continue;
		}
		$element[ $attribute ] = (string) $options[ $option ];
		if ( null !== $render_key ) {
			$render[ $render_key ] = $options[ $option ];
		}
	}
	return array(
		'post'      => $post,
		'json'      => $json,
		'options'   => $options,
		'element'   => $element,
		'render'    => $render,
		// Only a published movie's card is prerendered (a draft's src
		// carries a nonce that expires).
		'prerender' => 'publish' === $post->post_status,
		'hash'      => hash( 'sha256', (string) wp_json_encode( array( SPOILER_CARD_VERSION, $json, $render, $options['remember'] ) ) ),
	);
}

/** The cards of a post's blocks (nested ones too) that can be prerendered. */
function spoiler_card_cards_of( $post ) {
	$cards = array();
	$walk  = function ( $blocks ) use ( &$walk, &$cards ) {
		foreach ( $blocks as $block ) {
			if ( 'spoiler-card/movie' === $block['blockName'] ) {
				$inputs = spoiler_card_inputs( $block['attrs'] );
				if ( $inputs && $inputs['prerender'] ) {
					$cards[] = $inputs;
				}
			}
			if ( ! empty( $block['innerBlocks'] ) ) {
				$walk( $block['innerBlocks'] );
			}
		}
	};
	$walk( parse_blocks( $post->post_content ) );
	return $cards;
}

/** The fallback: the title and year, linked to the first "more" link. */
function spoiler_card_fallback( $json ) {
	$facts = spoiler_card_movie_facts( $json );
	if ( '' === $facts['title'] ) {
		return '';
	}
	$name = esc_html( $facts['title'] );
	if ( '' !== $facts['link'] ) {
		$name = sprintf( '<a href="%s">%s</a>', esc_url( $facts['link'], array( 'http', 'https' ) ), $name );
	}
	$year = null !== $facts['year'] ? ' (' . esc_html( (string) $facts['year'] ) . ')' : '';
	return '<p class="spoiler-card-fallback">' . $name . $year . '</p>';
}

/**
 * A card's HTML for `$attrs` (a block's or a shortcode's), in the post
 * `$post_id` (whose stored fragments are looked up).
 */
function spoiler_card_render( $attrs, $post_id = 0 ) {
	$inputs = spoiler_card_inputs( $attrs );
	if ( ! $inputs ) {
		if ( current_user_can( 'edit_posts' ) && ! is_feed() ) {
			return '<p class="spoiler-card-missing">' . esc_html__( 'Spoiler card: the movie chosen for this card is not available (not published, or deleted).', 'spoiler-card' ) . '</p>';
		}
		return '';
	}
	$fallback = spoiler_card_fallback( $inputs['json'] );
	// Feed readers mangle shadow DOM and run no script: the fallback alone.
	if ( is_feed() ) {
		return $fallback;
	}
	wp_enqueue_script( 'spoiler-card' );
	$hints = spoiler_card_preload_hints();
	if ( $inputs['prerender'] && $post_id ) {
		$stored = get_post_meta( $post_id, SPOILER_CARD_FRAGMENTS_META, true );
		if ( is_array( $stored ) && isset( $stored[ $inputs['hash'] ] ) && is_string( $stored[ $inputs['hash'] ] ) ) {
			$fragment = spoiler_card_clean_fragment( $stored[ $inputs['hash'] ], $inputs['options']['remember'], $inputs['render'] );
			if ( '' !== $fragment ) {
				return $hints . $fragment;
			}
		}
	}
	$attributes = '';
	foreach ( $inputs['element'] as $name => $value ) {
		$attributes .= sprintf( ' %s="%s"', $name, 'src' === $name ? esc_url( $value ) : esc_attr( $value ) );
	}
	return $hints . '<spoiler-card' . $attributes . '>' . $fallback . '</spoiler-card>';
}

/**
 * A stored fragment as it may be printed: the JSON-LD taken out and
 * re-encoded by PHP from its JSON (never printed as stored text), the rest
 * through wp_kses with the card's own allow-list, so that a forged
 * fragment cannot carry script, and then held to the card's own shape for
 * `$expected` (the render options it is stored for). '' if it is not that
 * card.
 */
function spoiler_card_clean_fragment( $html, $remember, $expected ) {
	$json_ld = '';
	if ( preg_match_all( '#<script type="application/ld\+json">(.*?)</script>#s', $html, $matches ) ) {
		foreach ( $matches[1] as $text ) {
			$data = json_decode( $text );
			if ( is_object( $data ) ) {
				$json_ld .= '<script type="application/ld+json">' . wp_json_encode( $data, JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "</script>\n";
			}
		}
	}
	$html = preg_replace( '#<script\b.*?</script\s*>#is', '', $html );
	$html = wp_kses( $html, spoiler_card_allowed_html(), array( 'http', 'https' ) );
	// kses writes `&#39;` as `&#039;`: the same character, put back as the
	// renderer wrote it, so that a stored card prints byte for byte.
	$html = trim( preg_replace( '/&#0+([1-9][0-9]*);/', '&#$1;', $html ) );
	if ( ! spoiler_card_fragment_is_the_card( $html, $expected ) ) {
		return '';
	}
	if ( null !== $remember ) {
		$html = preg_replace( '/<spoiler-card\b/', '<spoiler-card remember="' . esc_attr( $remember ) . '"', $html, 1 );
	}
	return $html . "\n" . $json_ld;
}

/**
 * Whether `$html` (through kses already) is one card as the renderer makes
 * it for the render options `$expected`, and nothing else: one
 * <spoiler-card> element whose own attributes are exactly the ones the
 * renderer writes for them (its src, and its lang always: the site's when
 * the card sets none), nothing before or after it, and no stylesheet but
 * the card's own from the embed folder. Anything else is printed live.
 */
function spoiler_card_fragment_is_the_card( $html, $expected ) {
	if ( ! preg_match( '#^<spoiler-card((?:\s+[a-z-]+="[^"]*")*)>#', $html, $open ) || '</spoiler-card>' !== substr( $html, -15 )
		|| 1 !== substr_count( $html, '<spoiler-card' ) || 1 !== substr_count( $html, '</spoiler-card>' ) ) {
		return false;
	}
	preg_match_all( '/\s([a-z-]+)="([^"]*)"/', $open[1], $pairs, PREG_SET_ORDER );
	$attributes = array();
	foreach ( $pairs as $pair ) {
		$attributes[ $pair[1] ] = html_entity_decode( $pair[2], ENT_QUOTES | ENT_HTML5, 'UTF-8' );
	}
	$wanted = array( 'src' => $expected['src'] );
	foreach ( SPOILER_CARD_OPTION_NAMES as list( $attribute, $render_key ) ) {
		if ( null !== $render_key && isset( $expected[ $render_key ] ) ) {
			$wanted[ $attribute ] = (string) $expected[ $render_key ];
		}
	}
	ksort( $attributes );
	ksort( $wanted );
	if ( $attributes !== $wanted ) {
		return false;
	}
	preg_match_all( '#<link\b[^>]*>#', $html, $links );
	foreach ( $links[0] as $link ) {
		$stylesheet = '#^<link rel="stylesheet" href="' . preg_quote( esc_url( $expected['embed'] ), '#' ) . 'spoiler-card-[0-9a-f]{8,64}\.css">$#';
		if ( ! preg_match( $stylesheet, $link ) ) {
			return false;
		}
	}
	return true;
}

/** The tags and attributes of the card's prerendered markup, and no others. */
function spoiler_card_allowed_html() {
	$common = array(
		'class'            => true,
		'id'               => true,
		'part'             => true,
		'dir'              => true,
		'lang'             => true,
		'hidden'           => true,
		'inert'            => true,
		'role'             => true,
		'tabindex'         => true,
		// Named one by one: WordPress 6.1's kses has no aria-* wildcard.
		'aria-busy'        => true,
		'aria-controls'    => true,
		'aria-describedby' => true,
		'aria-expanded'    => true,
		'aria-hidden'      => true,
		'aria-label'       => true,
		'aria-labelledby'  => true,
		'aria-live'        => true,
		'aria-selected'    => true,
		'aria-valuetext'   => true,
		'data-sc-version'  => true,
		'data-sc-data'     => true,
	);
	$tags   = array( 'article', 'header', 'section', 'div', 'span', 'p', 'strong', 'em', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'details', 'summary', 'label', 'template' );
	$out    = array();
	foreach ( $tags as $tag ) {
		$out[ $tag ] = $common;
	}
	$out['template']['shadowrootmode'] = true;
	$out['label']['for']               = true;
	$out['button']                     = $common + array( 'type' => true );
	$out['input']                      = $common + array(
		'type'  => true,
		'min'   => true,
		'max'   => true,
		'step'  => true,
		'value' => true,
	);
	$out['a']                          = $common + array(
		'href'   => true,
		'rel'    => true,
		'target' => true,
	);
	$out['img']                        = $common + array(
		'src'      => true,
		'alt'      => true,
		'width'    => true,
		'height'   => true,
		'loading'  => true,
		'decoding' => true,
	);
	$out['link']                       = array(
		'rel'  => true,
		'href' => true,
	);
	$out['spoiler-card']               = array(
		'src'           => true,
		'progress'      => true,
		'theme'         => true,
		'heading-level' => true,
		'remember'      => true,
		'lang'          => true,
		'eager'         => true,
	);
	return $out;
}
