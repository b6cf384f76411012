// TypeDoc plugin: openapi-typescript writes schema descriptions as `@description` block tags (src/generated/*).
// TypeDoc would render them under a "Description" heading; this moves such a tag into the summary when the
// comment has no summary of its own, so generated properties read like hand-written ones.
import { Converter } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      const comment = reflection.comment;
      if (!comment || comment.summary.some((part) => part.text.trim() !== '')) continue;
      const index = comment.blockTags.findIndex((tag) => tag.tag === '@description');
      if (index === -1) continue;
      comment.summary = comment.blockTags[index].content;
      comment.blockTags.splice(index, 1);
    }
  });
}
