<?php
/**
 * Uninstall (Plugins → Delete): removes the Movies and their JSON, the
 * prerendered cards stored with posts, the plugin's options and the copy
 * of the card's files in uploads/spoiler-card/.
 *
 * Left as they are: posts keep their blocks and shortcodes. With the
 * plugin gone, a block prints nothing, and a shortcode shows as the text
 * "[spoiler_card …]".
 *
 * @package SpoilerCard
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

$spoiler_card_movies = get_posts(
	array(
		'post_type'      => 'spoiler_movie',
		'post_status'    => 'any',
		'posts_per_page' => -1,
		'fields'         => 'ids',
	)
);
foreach ( $spoiler_card_movies as $spoiler_card_movie ) {
	wp_delete_post( $spoiler_card_movie, true );
}
delete_post_meta_by_key( '_spoiler_card_fragments' );
delete_post_meta_by_key( '_spoiler_card_json' );
delete_post_meta_by_key( '_spoiler_card_id' );
delete_option( 'spoiler_card_embed_version' );

$spoiler_card_uploads = wp_upload_dir( null, false );
if ( empty( $spoiler_card_uploads['error'] ) ) {
	$spoiler_card_dir = trailingslashit( $spoiler_card_uploads['basedir'] ) . 'spoiler-card';
	if ( is_dir( $spoiler_card_dir ) ) {
		$spoiler_card_files = new RecursiveIteratorIterator(
			new RecursiveDirectoryIterator( $spoiler_card_dir, FilesystemIterator::SKIP_DOTS ),
			RecursiveIteratorIterator::CHILD_FIRST
		);
		foreach ( $spoiler_card_files as $spoiler_card_file ) {
			if ( $spoiler_card_file->isDir() && ! $spoiler_card_file->isLink() ) {
				rmdir( $spoiler_card_file->getPathname() );
			} else {
				unlink( $spoiler_card_file->getPathname() );
			}
		}
		rmdir( $spoiler_card_dir );
	}
}
