import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Checks, PolicyConfig, canonicalJson, policyConfigOf } from "./compliance";

export interface RepositoryArgs {
    /**
     * Repository name.
     * @default the component's name
     */
    name?: pulumi.Input<string>;
    /**
     * KMS key for images at rest. Satisfies ecr-kms-encryption.
     * @default the AWS-managed `aws/ecr` key (encryption type KMS)
     */
    kmsKeyArn?: pulumi.Input<string>;
    /**
     * Lifecycle policy document (JSON text). Satisfies ecr-lifecycle-policy.
     * @default keep the last `keepImages` images and expire untagged ones after 14 days
     */
    lifecyclePolicy?: pulumi.Input<string>;
    /**
     * How many images the default lifecycle policy keeps.
     * @default 100
     */
    keepImages?: number;
    /**
     * Delete the repository even if it holds images.
     * @default false
     */
    forceDelete?: boolean;
    /**
     * Tags for the repository.
     * @default none
     */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /**
     * The organisation's policy config, the JSON of `--policy-pack-config`: the component refuses what that pack
     * blocks, warns where it is advisory, and applies its settings.
     * @default the stack config `ecs-guardrails:policyConfig`, else the pack's defaults
     */
    policyConfig?: PolicyConfig;
}

interface RepositoryChildren {
    repository: aws.ecr.Repository;
    lifecyclePolicy: aws.ecr.LifecyclePolicy;
}
const children = new WeakMap<Repository, RepositoryChildren>();

/** An ECR repository with immutable tags, scan on push, KMS encryption and a lifecycle policy. */
export class Repository extends pulumi.ComponentResource {
    /** Where images are pushed and pulled: `<account>.dkr.ecr.<region>.amazonaws.com/<name>`. */
    readonly repositoryUrl: pulumi.Output<string>;
    /** The repository's ARN (give it to TaskDefinition's `repositoryArns`). */
    readonly arn: pulumi.Output<string>;

    constructor(name: string, args: RepositoryArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("ecs-guardrails:index:Repository", name, {}, opts);
        const checks = new Checks(this, "ecs-guardrails:index:Repository", name, policyConfigOf(`Repository '${name}'`, args.policyConfig));
        const repository = createRepository(this, name, args, checks);
        const lifecyclePolicy = new aws.ecr.LifecyclePolicy(`${name}-lifecycle`, {
            repository: repository.name,
            policy: args.lifecyclePolicy ?? defaultLifecyclePolicy(args.keepImages ?? 100),
        }, { parent: this });
        children.set(this, { repository, lifecyclePolicy });
        this.repositoryUrl = repository.repositoryUrl;
        this.arn = repository.arn;
        this.registerOutputs({ repositoryUrl: this.repositoryUrl, arn: this.arn });
    }

    /** The aws.ecr.Repository (TypeScript only). */
    get repository(): aws.ecr.Repository { return children.get(this)!.repository; }
    /** The aws.ecr.LifecyclePolicy (TypeScript only). */
    get lifecyclePolicy(): aws.ecr.LifecyclePolicy { return children.get(this)!.lifecyclePolicy; }
}

function createRepository(parent: Repository, name: string, args: RepositoryArgs, checks: Checks): aws.ecr.Repository {
    const props = checks.resource("aws:ecr/repository:Repository", {
        name: args.name ?? name,
        imageTagMutability: "IMMUTABLE", // ecr-immutable-tags
        imageScanningConfiguration: { scanOnPush: true }, // ecr-scan-on-push
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }], // ecr-kms-encryption
        forceDelete: args.forceDelete ?? false,
        tags: args.tags,
    }, "imageTagMutability");
    return new aws.ecr.Repository(name, props as aws.ecr.RepositoryArgs, { parent });
}

export function defaultLifecyclePolicy(keepImages: number): string {
    return canonicalJson({
        rules: [
            { rulePriority: 1, description: "Expire untagged images after 14 days", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" } },
            { rulePriority: 2, description: `Keep the last ${keepImages} images`, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keepImages }, action: { type: "expire" } },
        ],
    });
}
