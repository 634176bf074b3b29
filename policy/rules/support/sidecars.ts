// Which containers of a task are sidecars (`ecs-task-single-application`, `ecs-health-check`).
import type { Container, ResourceModel } from "../../model";
import { isNotKnownYet, isUnreadable, parseImageReference } from "../../model";
import type { ConfigProperty, Finding } from "../rule";
import { notKnownYet } from "./findings";
import { compilePatterns } from "./patterns";

/** The docker label that marks a container as a sidecar. */
export const sidecarLabel = "ecs-guardrails.sidecar";

const defaultSidecarImages = [
    "aws-otel-collector", "aws-xray-daemon", "aws-for-fluent-bit", "fluent-bit", "fluentd", "(^|/)envoy", "aws-appmesh-envoy",
    "ecs-service-connect-agent", "cloudwatch-agent", "datadog(hq)?/agent", "newrelic/(nri-ecs|infrastructure)", "opentelemetry-collector",
];

export type SidecarConfig = { sidecarImagePatterns: string[] };

export const sidecarConfig: { sidecarImagePatterns: ConfigProperty } = {
    sidecarImagePatterns: {
        type: "array", items: { type: "string" }, default: defaultSidecarImages, regex: true,
        description: "Case-insensitive regular expressions (RE2 syntax) on the image's repository path that mark a sidecar.",
    },
};

/** Whether a container is a sidecar; undefined when that depends on a value not known yet. */
function isSidecar(c: Container, images: { test(text: string): boolean }): boolean | undefined {
    if (c.essential === false || c.firelens === true) return true;
    if (typeof c.dockerLabels === "object" && c.dockerLabels !== null && !isUnreadable(c.dockerLabels)) {
        if (String(c.dockerLabels[sidecarLabel]).toLowerCase() === "true") return true;
    }
    if (typeof c.image === "string") {
        const parsed = parseImageReference(c.image);
        return parsed.ok && images.test(parsed.ref.path);
    }
    return isNotKnownYet(c.image) || isNotKnownYet(c.essential) || isNotKnownYet(c.dockerLabels) ? undefined : false;
}

/**
 * A task's application containers, and a "not known yet" finding for each container that may be one (its
 * image or labels are not known yet, or the element itself is not); or findings when sidecars cannot be told.
 */
export function applicationContainers(resource: ResourceModel, config: SidecarConfig): { apps: Container[]; waiting: Finding[] } | Finding[] {
    const images = compilePatterns(config.sidecarImagePatterns, "sidecarImagePatterns", { ignoreCase: true });
    if (!images.ok) return [{ path: "", message: images.problem }];
    const containers = resource.task!.containers;
    if (isUnreadable(containers)) return isNotKnownYet(containers) ? [notKnownYet(containers.path)] : [];
    const apps: Container[] = [];
    const waiting: Finding[] = [];
    for (const c of containers ?? []) {
        if (isUnreadable(c)) {
            if (isNotKnownYet(c)) waiting.push(notKnownYet(c.path));
            continue;
        }
        const sidecar = isSidecar(c, images);
        if (sidecar === undefined) waiting.push(notKnownYet(c.paths.image, `whether ${c.label} is a sidecar`));
        else if (!sidecar) apps.push(c);
    }
    return { apps, waiting };
}
