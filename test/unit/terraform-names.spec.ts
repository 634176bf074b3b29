// The aws provider's Terraform bridge sets an attribute for a key it has no Pulumi name for (its Terraform name:
// `PidMode`, `pid_mode` -> `pid_mode`). Each of these reached AWS unseen before the pack read keys as the bridge does.
import { strict as assert } from "assert";
import { terraformName } from "../../policy/model/terraform-names";
import { capacityProvider, check, cluster, daemonContainer as dc, daemonTaskDefinition as dtd, remediate, service, taskDefinition as td, types } from "../support/fixtures";

const open = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "ecr:*" }] });
const everyone = "Repository policy statement #1 allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID.";
const publicIp = "Tasks get a public IP address (networkConfiguration.assignPublicIp turns it on). Turn it off, use private subnets and a load balancer.";

describe("aws keys read as the Terraform bridge maps them", () => {
    it("the bridge's name for a key", () => {
        assert.deepEqual(["PidMode", "pidMode", "pid_mode", "entryPoint", "Privileged", "IMAGE"].map(terraformName), ["pid_mode", "pid_mode", "pid_mode", "entry_point", "privileged", "i_m_a_g_e"]);
    });
    const cases: [string, string, string, unknown, string[]][] = [
        ["`PidMode: host` on a task definition", "ecs-no-host-namespaces", types.taskDefinition, td(undefined, { PidMode: "host" }), ["pidMode is 'host', so containers share the host's namespace. Remove it or use 'task'."]],
        ["`pid_mode: host` (the Terraform name)", "ecs-no-host-namespaces", types.taskDefinition, td(undefined, { pid_mode: "host" }), ["pidMode is 'host', so containers share the host's namespace. Remove it or use 'task'."]],
        ["`pidMode` and `PidMode` together: the provider refuses them", "ecs-input-well-formed", types.taskDefinition, td(undefined, { pidMode: "task", PidMode: "host" }),
            ["Malformed input: PidMode sets the same property as pidMode, which the provider refuses. Fix it so the other policies can check this resource."]],
        ["a creation template's `RepositoryPolicy`", "ecr-no-public-access", types.creationTemplate, { prefix: "shop", RepositoryPolicy: open }, [everyone]],
        ["a repository policy's `Policy`", "ecr-no-public-access", types.repositoryPolicy, { repository: "shop/api", Policy: open }, [everyone]],
        ["a service's `networkConfiguration.AssignPublicIp`", "ecs-no-public-ip", types.service, service({ networkConfiguration: { subnets: ["s"], securityGroups: ["sg"], AssignPublicIp: true } }), [publicIp]],
        ["a service's `network_configuration.assign_public_ip`", "ecs-no-public-ip", types.service, service({ networkConfiguration: undefined, network_configuration: { subnets: ["s"], security_groups: ["sg"], assign_public_ip: true } }), [publicIp]],
        ["a cluster's exec `Logging: NONE`", "ecs-exec-audit-logging", types.cluster, cluster({ configuration: { executeCommandConfiguration: { Logging: "NONE" } } }),
            ["ECS Exec sessions are not logged (executeCommandConfiguration.logging is 'NONE'). Set logging to 'DEFAULT' or 'OVERRIDE' with a log group."]],
        ["a capacity provider's `managedScaling.Status`", "ecs-capacity-provider-termination-protection", types.capacityProvider,
            capacityProvider({ autoScalingGroupProvider: { autoScalingGroupArn: "arn", managedScaling: { Status: "ENABLED" }, managedTerminationProtection: "DISABLED" } }),
            ["Managed scaling is enabled but autoScalingGroupProvider.managedTerminationProtection is 'DISABLED', so scale-in can terminate instances that run tasks. Set it to 'ENABLED'."]],
        ["a task definition's `volume` block (the singular Terraform name)", "ecs-efs-transit-encryption", types.taskDefinition, td(undefined, { volume: [{ name: "data", efs_volume_configuration: { file_system_id: "fs-1" } }] }),
            ["EFS volume 'data' does not encrypt data in transit. Set efsVolumeConfiguration.transitEncryption to 'ENABLED'."]],
    ];
    for (const [name, policy, type, props, violations] of cases) {
        it(name, () => assert.deepEqual(check(policy, type, props).violations, violations));
    }
    it("tag keys are a map's keys, never renamed", () => {
        assert.deepEqual(check("ecs-required-tags", types.service, service({ tags: { Name: "api" } }), { requiredTags: ["Name"] }).violations, []);
        assert.equal(check("ecs-required-tags", types.service, service({ tags: { name: "api" } }), { requiredTags: ["Name"] }).violations.length, 1);
    });
    it("a remediation edits the key the provider reads, so one key stays per attribute (and a secret stays where it was)", () => {
        const tags = remediate("ecs-propagate-tags", types.service, service({ propagateTags: undefined, PropagateTags: "NONE" }))!;
        assert.equal(tags.PropagateTags, "SERVICE");
        assert.equal(tags.propagateTags, undefined);
        assert.deepEqual(check("ecs-input-well-formed", types.service, tags).violations, []);
        assert.deepEqual(check("ecs-propagate-tags", types.service, tags).violations, []);
        const { linuxParameters: _l, ...base } = dc();
        const init = remediate("ecs-init-process", types.daemonTaskDefinition, dtd([{ ...base, linux_parameters: { init_process_enabled: false, capabilities: { drops: ["ALL"] } } }]))!;
        const [container] = init.containerDefinitions as Record<string, unknown>[];
        assert.deepEqual(container.linux_parameters, { init_process_enabled: true, capabilities: { drops: ["ALL"] } });
        assert.equal("linuxParameters" in container, false);
        assert.deepEqual(check("ecs-init-process", types.daemonTaskDefinition, init).violations, []);
    });
    it("aws-native drops other spellings: its remediation writes its own name", () => {
        const fixed = remediate("ecs-propagate-tags", "aws-native:ecs:Daemon", { daemonName: "agent", PropagateTags: "NONE" })!;
        assert.equal(fixed.propagateTags, "DAEMON");
    });
});
