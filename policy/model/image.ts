// Container image references, parsed as Docker's reference grammar defines them:
// [registry[:port]/]path[:tag][@algorithm:hex]

export interface ImageReference {
    /** Registry host (with port), when the reference names one: `123.dkr.ecr.us-east-1.amazonaws.com`. */
    registry?: string;
    /** Repository path without registry, tag or digest: `library/nginx`, `team/app`. */
    path: string;
    tag?: string;
    digest?: string;
}

export type ParsedImage = { ok: true; ref: ImageReference } | { ok: false; problem: string };

const componentPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const registryPattern = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?$|^\[[0-9a-fA-F:]+\](?::\d+)?$/;

export function parseImageReference(image: string): ParsedImage {
    if (image.length === 0) return { ok: false, problem: "is empty" };
    if (/\s/.test(image)) return { ok: false, problem: "contains whitespace" };
    if (image.length > 4096) return { ok: false, problem: "is too long" };

    let rest = image;
    let digest: string | undefined;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!digestPattern.test(digest)) return { ok: false, problem: "has a malformed digest" };
    }

    let tag: string | undefined;
    const colon = rest.lastIndexOf(":");
    if (colon > rest.lastIndexOf("/")) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!tagPattern.test(tag)) return { ok: false, problem: "has a malformed tag" };
    }

    let registry: string | undefined;
    const slash = rest.indexOf("/");
    if (slash >= 0) {
        const first = rest.slice(0, slash);
        if (first.includes(".") || first.includes(":") || first === "localhost" || first.startsWith("[")) {
            // A CloudFormation template's registry may name pseudo parameters: `${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com`.
            if (!registryPattern.test(first.replace(/\$\{AWS::[A-Za-z]+\}/g, "x"))) return { ok: false, problem: "has a malformed registry" };
            registry = first;
            rest = rest.slice(slash + 1);
        }
    }

    if (rest.length === 0) return { ok: false, problem: "has no repository name" };
    if (!rest.split("/").every((c) => componentPattern.test(c))) {
        return { ok: false, problem: "has a malformed repository name (lowercase letters, digits and . _ - only)" };
    }
    return { ok: true, ref: { registry, path: rest, tag, digest } };
}
