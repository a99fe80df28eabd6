<?php
/**
 * Plugin Name:       Spoiler Card
 * Plugin URI:        https://github.com/spoiler-card/spoiler-card
 * Description:       Spoiler-safe movie cards: the film's facts and a spoiler-free synopsis at once, the plot and ending only when the reader asks. Movies are written in the card studio; a block and a shortcode put them in posts.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.0
 * Author:            spoiler-card
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       spoiler-card
 * Domain Path:       /languages
 *
 * @package SpoilerCard
 */

defined( 'ABSPATH' ) || exit;

/** The plugin's version: a fragment stored under another is not printed. */
const SPOILER_CARD_VERSION = '0.1.0';
/** The Movies post type. */
const SPOILER_CARD_POST_TYPE = 'spoiler_movie';
/** Post meta: a movie's JSON, as the studio wrote it (never in post_content). */
const SPOILER_CARD_JSON_META = '_spoiler_card_json';
/** Post meta: the movie's own `id` (the key of a reader's stored progress). */
const SPOILER_CARD_ID_META = '_spoiler_card_id';
/** Post meta of a post: its prerendered cards, by the hash of their inputs. */
const SPOILER_CARD_FRAGMENTS_META = '_spoiler_card_fragments';
/** The largest movie JSON accepted, as the card reads at most. */
const SPOILER_CARD_MAX_JSON_BYTES = 5 * 1024 * 1024;

define( 'SPOILER_CARD_FILE', __FILE__ );
define( 'SPOILER_CARD_DIR', plugin_dir_path( __FILE__ ) );

require_once SPOILER_CARD_DIR . 'includes/assets.php';
require_once SPOILER_CARD_DIR . 'includes/movies.php';
require_once SPOILER_CARD_DIR . 'includes/rest.php';
require_once SPOILER_CARD_DIR . 'includes/render.php';
require_once SPOILER_CARD_DIR . 'includes/block.php';

register_activation_hook( __FILE__, 'spoiler_card_activate' );
register_deactivation_hook( __FILE__, 'spoiler_card_deactivate' );

/**
 * On activation: the post type exists for the rewrite rules, and the
 * card's files are copied where an update does not remove them.
 */
function spoiler_card_activate() {
	spoiler_card_register_post_type();
	spoiler_card_publish_embed();
}

/** On deactivation: nothing is deleted (uninstall does that). */
function spoiler_card_deactivate() {
	unregister_post_type( SPOILER_CARD_POST_TYPE );
}

add_action(
	'init',
	function () {
		load_plugin_textdomain( 'spoiler-card', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
	}
);
