// Images name a digest or a unique tag (the guide: #version-tags).
import { parseImageReference } from "../../model";
import type { ResourceRule } from "../rule";
import { compilePatterns, forEachContainer, isKnown, quote, taskKinds } from "../support";

export const imageTagPinned: ResourceRule<{ disallowedTags: string[]; requireDigest: boolean; allowedTagPattern?: string }> = {
    kind: "resource",
    name: "ecs-image-tag-pinned",
    description: "Each container image names a digest or a unique tag, never `latest` or no tag at all.",
    level: "mandatory",
    severity: "high",
    source: { guide: ["version-tags", "task-definition-immutable-revisions"] },
    appliesTo: taskKinds,
    scope: "each container",
    remediationSteps: "Tag each image build with a unique tag (the git commit SHA) and reference that tag or the image digest (`repo@sha256:...`) in the container definition.",
    config: {
        disallowedTags: { type: "array", items: { type: "string" }, default: ["latest"], description: "Tags that never count as pinned (compared case-insensitively); `latest` never counts, whatever this list says." },
        requireDigest: { type: "boolean", default: false, description: "Require a digest (`@sha256:...`); a tag alone fails." },
        allowedTagPattern: { type: "string", description: "When set, a tag must match this regular expression (RE2 syntax) in full (e.g. `v\\d+\\.\\d+\\.\\d+|[0-9a-f]{7,40}`).", regex: true },
    },
    check(resource, config) {
        const tagPattern = config.allowedTagPattern ? compilePatterns([config.allowedTagPattern], "allowedTagPattern", { whole: true }) : undefined;
        if (tagPattern && !tagPattern.ok) return [{ path: "", message: tagPattern.problem }];
        const disallowed = new Set(["latest", ...config.disallowedTags.map((t) => t.toLowerCase())]);
        return forEachContainer(resource, (c, out) => {
            if (!isKnown(c.image, out)) return;
            if (c.image === undefined) {
                out.push({ path: c.paths.image, message: `${c.label} has no image. Set \`image\` to a reference with a unique tag or a digest.` });
                return;
            }
            const parsed = parseImageReference(c.image);
            if (!parsed.ok) {
                out.push({ path: c.paths.image, message: `${c.label} image ${quote(c.image)} is not a valid image reference: it ${parsed.problem}.` });
                return;
            }
            const { tag, digest } = parsed.ref;
            if (digest) return;
            const where = `${c.label} image ${quote(c.image)}`;
            if (config.requireDigest) {
                out.push({ path: c.paths.image, message: `${where} has no digest. Reference the image by digest (\`@sha256:...\`); requireDigest is on.` });
            } else if (tag === undefined) {
                out.push({ path: c.paths.image, message: `${where} has no tag, which means \`latest\`. Use a unique tag per build (e.g. the git SHA) or a digest.` });
            } else if (disallowed.has(tag.toLowerCase())) {
                out.push({ path: c.paths.image, message: `${where} uses the mutable tag ${quote(tag)}. Use a unique tag per build (e.g. the git SHA) or a digest.` });
            } else if (tagPattern?.ok && !tagPattern.test(tag)) {
                out.push({ path: c.paths.image, message: `${where} has tag ${quote(tag)}, which does not match allowedTagPattern ${quote(config.allowedTagPattern)}. Use a tag of the allowed form or a digest.` });
            }
        });
    },
};
