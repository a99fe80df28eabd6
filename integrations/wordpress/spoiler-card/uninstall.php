<?php
/**
 * Uninstall (Plugins → Delete): removes the Movies (in any status, trash
 * included) and their JSON, the prerendered cards stored with posts, the
 * plugin's option and the copy of the card's files in uploads/spoiler-card/,
 * on every site of a network.
 *
 * Left as they are: posts keep their blocks and shortcodes. With the
 * plugin gone, a block prints nothing, and a shortcode shows as the text
 * "[spoiler_card …]".
 *
 * @package SpoilerCard
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/** Removes the plugin's data from the current site. */
function spoiler_card_uninstall_site() {
	global $wpdb;
	// Every Movie, whatever its status (trash and auto-drafts too: with the
	// post type unregistered, get_posts would skip them).
	$movies = $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM $wpdb->posts WHERE post_type = %s", 'spoiler_movie' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	foreach ( $movies as $movie ) {
		wp_delete_post( (int) $movie, true );
	}
	delete_post_meta_by_key( '_spoiler_card_fragments' );
	delete_post_meta_by_key( '_spoiler_card_json' );
	delete_post_meta_by_key( '_spoiler_card_id' );
	delete_option( 'spoiler_card_embed_version' );
	delete_transient( 'spoiler_card_embed_unwritable' );
	spoiler_card_uninstall_files();
}

/** Removes uploads/spoiler-card/ of the current site. */
function spoiler_card_uninstall_files() {
	$uploads = wp_upload_dir( null, false );
	if ( ! empty( $uploads['error'] ) ) {
		return;
	}
	$dir = trailingslashit( $uploads['basedir'] ) . 'spoiler-card';
	if ( ! is_dir( $dir ) ) {
		return;
	}
	$files = new RecursiveIteratorIterator(
		new RecursiveDirectoryIterator( $dir, FilesystemIterator::SKIP_DOTS ),
		RecursiveIteratorIterator::CHILD_FIRST
	);
	foreach ( $files as $file ) {
		if ( $file->isDir() && ! $file->isLink() ) {
			rmdir( $file->getPathname() );
		} else {
			unlink( $file->getPathname() );
		}
	}
	rmdir( $dir );
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $spoiler_card_site ) {
		switch_to_blog( $spoiler_card_site );
		spoiler_card_uninstall_site();
		restore_current_blog();
	}
} else {
	spoiler_card_uninstall_site();
}
