// The Projection Booth, an Eleventy blog with spoiler-safe movie cards.
import spoilerCard from 'spoiler-card/eleventy';

export default function (eleventyConfig) {
  // Copies the card's bundle to /embed/, adds the {% spoilerCard %} shortcode
  // and the loader's script tag on every page that shows a card.
  eleventyConfig.addPlugin(spoilerCard, { embed: '/embed/' });

  eleventyConfig.addPassthroughCopy('src/css');
  eleventyConfig.addCollection('posts', (api) => api.getFilteredByGlob('src/posts/*.md').reverse());
  eleventyConfig.addFilter('readableDate', (date) => new Date(date).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  eleventyConfig.addFilter('isoDate', (date) => new Date(date).toISOString().slice(0, 10));
}

export const config = {
  dir: { input: 'src', output: '_site' },
  markdownTemplateEngine: 'liquid',
};
