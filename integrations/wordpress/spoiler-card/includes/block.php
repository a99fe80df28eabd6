<?php
/**
 * The block "Spoiler card" (dynamic: a plugin upgrade never turns saved
 * posts into invalid blocks) and the shortcode [spoiler_card], for the
 * classic editor and widgets:
 *
 *     [spoiler_card movie="123" progress="45" theme="dark" heading_level="3" remember="none" lang="de"]
 *
 * `movie` is the Movie's post ID.
 *
 * @package SpoilerCard
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'init',
	function () {
		wp_register_script(
			'spoiler-card-block-editor',
			plugins_url( 'blocks/movie/editor.js', SPOILER_CARD_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-api-fetch', 'wp-data', 'wp-url', 'spoiler-card', 'spoiler-card-studio' ),
			SPOILER_CARD_VERSION,
			true
		);
		wp_set_script_translations( 'spoiler-card-block-editor', 'spoiler-card', SPOILER_CARD_DIR . 'languages' );
		register_block_type(
			SPOILER_CARD_DIR . 'blocks/movie',
			array(
				'render_callback' => function ( $attributes, $content, $block ) {
					$post_id = isset( $block->context['postId'] ) ? (int) $block->context['postId'] : (int) get_the_ID();
					return spoiler_card_render( $attributes, $post_id );
				},
			)
		);
		add_shortcode(
			'spoiler_card',
			function ( $attributes ) {
				return spoiler_card_render( is_array( $attributes ) ? $attributes : array(), (int) get_the_ID() );
			}
		);
	}
);

/** What the block's editor script needs: where the REST API is, the site's language. */
add_action(
	'enqueue_block_editor_assets',
	function () {
		wp_add_inline_script(
			'spoiler-card-block-editor',
			'window.spoilerCardEditor = ' . wp_json_encode(
				array(
					'restRoot' => esc_url_raw( rest_url() ),
					'siteLang' => spoiler_card_site_lang(),
				)
			) . ';',
			'before'
		);
	}
);
