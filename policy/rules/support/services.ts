// Helpers for the checks on services, task sets and Express Gateway Services.
import type { ResourceModel } from "../../model";
import { NotApplicable, notApplicable } from "../rule";

export const serviceKinds = ["service", "taskSet", "expressService"] as const;

/** Services that carry no network configuration of their own: ECS Anywhere, or an EXTERNAL controller. */
export function networkNotApplicable(resource: ResourceModel): NotApplicable | undefined {
    const svc = resource.service!;
    if (svc.launchType === "EXTERNAL") return notApplicable("launch type EXTERNAL (ECS Anywhere) has no awsvpc network configuration");
    if (resource.kind === "service" && svc.deploymentController === "EXTERNAL") {
        return notApplicable("deployment controller EXTERNAL: its task sets carry the network configuration and are checked instead");
    }
    return undefined;
}
