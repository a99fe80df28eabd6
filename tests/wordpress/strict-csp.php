<?php
/**
 * Test only (copied into the test site's mu-plugins; never shipped): a
 * reader's page is sent with the strict CSP by a header, and WordPress's
 * own inline scripts and styles (the theme's global styles, emoji) are
 * taken out of it, so that any violation left is the plugin's. `?raw=1`
 * keeps the page as WordPress made it (the tests check that the plugin
 * adds no inline script or style of its own).
 */

add_action(
	'send_headers',
	function () {
		if ( is_admin() ) {
			return;
		}
		header( "Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'" );
	}
);

add_action(
	'template_redirect',
	function () {
		if ( is_admin() || isset( $_GET['raw'] ) || is_feed() ) {
			return;
		}
		ob_start(
			function ( $html ) {
				// Inline scripts that are code (JSON-LD is data, which CSP allows).
				$html = preg_replace( '#<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>.*?</script>#is', '', $html );
				$html = preg_replace( '#<style\b[^>]*>.*?</style>#is', '', $html );
				// style="" attributes outside the card's shadow roots (the theme's).
				return preg_replace( '#\sstyle="[^"]*"#i', '', $html );
			}
		);
	},
	0
);
