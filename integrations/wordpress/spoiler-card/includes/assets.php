<?php
/**
 * The card's and the studio's files: where they are served from, the
 * loader printed once per page as a module, and the preload hints from the
 * build's manifest.
 *
 * An update replaces the plugin's folder, and with it the hashed files of
 * the version before, which cached pages (and prerendered cards) still
 * link. So the card's files are copied to uploads/spoiler-card/embed/ on
 * activation and whenever the version changes, and the hashed files of
 * earlier versions are kept there. Without a writable uploads folder, the
 * plugin's own embed/ is used.
 *
 * @package SpoilerCard
 */

defined( 'ABSPATH' ) || exit;

/** The uploads folder the card's files are copied to. */
function spoiler_card_uploads_base() {
	$uploads = wp_upload_dir( null, false );
	if ( ! empty( $uploads['error'] ) ) {
		return null;
	}
	return array(
		'dir' => trailingslashit( $uploads['basedir'] ) . 'spoiler-card/embed/',
		'url' => trailingslashit( $uploads['baseurl'] ) . 'spoiler-card/embed/',
	);
}

/**
 * Copies the plugin's embed/ into uploads (hashed files of earlier versions
 * stay), with the content types Apache needs. Returns whether it did.
 */
function spoiler_card_publish_embed() {
	$base = spoiler_card_uploads_base();
	$from = SPOILER_CARD_DIR . 'embed/';
	// A copy that failed (an uploads folder that cannot be written) is not
	// tried again for an hour (each try would warn): meanwhile the plugin's
	// own embed/ is used.
	if ( ! $base || ! is_dir( $from ) || get_transient( 'spoiler_card_embed_unwritable' ) ) {
		return false;
	}
	if ( ! wp_mkdir_p( $base['dir'] ) || ! wp_is_writable( $base['dir'] ) ) {
		set_transient( 'spoiler_card_embed_unwritable', 1, HOUR_IN_SECONDS );
		return false;
	}
	$ok = spoiler_card_copy_tree( $from, $base['dir'] );
	// Apache: the .wasm as application/wasm (nginx: see the readme).
	$ok = $ok && false !== file_put_contents( $base['dir'] . '.htaccess', spoiler_card_htaccess() );
	if ( $ok ) {
		update_option( 'spoiler_card_embed_version', SPOILER_CARD_VERSION, false );
	} else {
		set_transient( 'spoiler_card_embed_unwritable', 1, HOUR_IN_SECONDS );
	}
	return $ok;
}

/** What the .htaccess of a folder of the card's files says. */
function spoiler_card_htaccess() {
	return "# Written by the Spoiler Card plugin.\n<IfModule mod_mime.c>\n\tAddType application/wasm .wasm\n\tAddType text/javascript .js\n\tAddType application/json .json\n</IfModule>\n";
}

/** Copies the files of `$from` into `$to`, folders too. */
function spoiler_card_copy_tree( $from, $to ) {
	$ok = true;
	foreach ( scandir( $from ) as $name ) {
		if ( '.' === $name || '..' === $name ) {
			continue;
		}
		if ( is_dir( $from . $name ) ) {
			$ok = wp_mkdir_p( $to . $name ) && spoiler_card_copy_tree( $from . $name . '/', $to . $name . '/' ) && $ok;
		} else {
			$ok = copy( $from . $name, $to . $name ) && $ok;
		}
	}
	return $ok;
}

/** After an update (a new version in the folder), the files are copied again. */
add_action(
	'init',
	function () {
		if ( get_option( 'spoiler_card_embed_version' ) !== SPOILER_CARD_VERSION ) {
			spoiler_card_publish_embed();
		}
	}
);

/** The URL of the card's embed folder (ends with a slash). */
function spoiler_card_embed_url() {
	// Once a request: every card and the hints ask.
	static $url = null;
	if ( null === $url ) {
		$base = spoiler_card_uploads_base();
		$url  = $base && get_option( 'spoiler_card_embed_version' ) === SPOILER_CARD_VERSION && is_file( $base['dir'] . 'manifest.json' )
			? $base['url']
			: plugins_url( 'embed/', SPOILER_CARD_FILE );
	}
	return $url;
}

/** The URL of the card's loader. */
function spoiler_card_loader_url() {
	return spoiler_card_embed_url() . spoiler_card_manifest()['loader'];
}

/** The build's manifest: the loader, the .wasm, the stylesheet. */
function spoiler_card_manifest() {
	static $manifest = null;
	if ( null === $manifest ) {
		$file     = SPOILER_CARD_DIR . 'embed/manifest.json';
		$text     = is_readable( $file ) ? file_get_contents( $file ) : false;
		$manifest = is_string( $text ) ? json_decode( $text, true ) : null;
		if ( ! is_array( $manifest ) ) {
			$manifest = array();
		}
		// What is missing or not a plain file name is left out.
		foreach ( array( 'loader', 'wasm', 'css' ) as $key ) {
			if ( ! isset( $manifest[ $key ] ) || ! is_string( $manifest[ $key ] ) || ! preg_match( '/^[A-Za-z0-9._-]+$/', $manifest[ $key ] ) ) {
				unset( $manifest[ $key ] );
			}
		}
		$manifest += array( 'loader' => 'spoiler-card.js' );
	}
	return $manifest;
}

/** Registers the card's loader and the studio's (printed as modules). */
add_action(
	'init',
	function () {
		wp_register_script( 'spoiler-card', spoiler_card_loader_url(), array(), null, true );
		wp_register_script( 'spoiler-card-studio', plugins_url( 'studio/spoiler-card-studio.js', SPOILER_CARD_FILE ), array( 'spoiler-card' ), null, true );
	},
	5
);

/**
 * The loaders are ES modules. `script_loader_tag` works in every WordPress
 * version the plugin supports (wp_enqueue_script_module came in 6.5), so
 * one way of printing them is tested.
 */
add_filter(
	'script_loader_tag',
	function ( $tag, $handle, $src ) {
		if ( 'spoiler-card' !== $handle && 'spoiler-card-studio' !== $handle ) {
			return $tag;
		}
		return sprintf( "<script type=\"module\" src=\"%s\" id=\"%s-js\"></script>\n", esc_url( $src ), esc_attr( $handle ) );
	},
	10,
	3
);

/**
 * On a single post or page with a card, the hints go in <head>, before
 * anything renders the content (an SEO plugin's description, say).
 */
add_action(
	'wp_head',
	function () {
		if ( spoiler_card_hints_in_head() ) {
			echo spoiler_card_hints(); // phpcs:ignore WordPress.Security.EscapeOutput -- built with esc_url.
		}
	},
	2
);

/**
 * Whether <head> holds the hints: on a single post or page whose content
 * has a card. (A block theme renders the content before <head>, so the
 * cards themselves cannot tell.)
 */
function spoiler_card_hints_in_head() {
	// Once a request: every card asks.
	static $in_head = null;
	if ( null === $in_head ) {
		$post    = is_singular() ? get_queried_object() : null;
		$in_head = $post instanceof WP_Post && ( has_block( 'spoiler-card/movie', $post ) || has_shortcode( $post->post_content, 'spoiler_card' ) );
	}
	return $in_head;
}

/**
 * The preload hints, printed with the first card of a page when <head> has
 * none (its downloads start with the page): the loader as a modulepreload,
 * the .wasm as the loader's own request.
 */
function spoiler_card_preload_hints() {
	static $printed = false;
	if ( $printed || spoiler_card_hints_in_head() ) {
		return '';
	}
	$printed = true;
	return spoiler_card_hints();
}

/** The preload hints' markup. */
function spoiler_card_hints() {
	$manifest = spoiler_card_manifest();
	$base     = spoiler_card_embed_url();
	$out      = sprintf( '<link rel="modulepreload" href="%s">', esc_url( spoiler_card_loader_url() ) );
	if ( isset( $manifest['wasm'] ) ) {
		$out .= sprintf( '<link rel="preload" href="%s" as="fetch" type="application/wasm" crossorigin>', esc_url( $base . $manifest['wasm'] ) );
	}
	return $out . "\n";
}
