import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { canonicalJson, enforce } from "./compliance";

export interface RepositoryArgs {
    /** Repository name. @default the component's name */
    name?: pulumi.Input<string>;
    /** KMS key for images at rest. @default the AWS-managed `aws/ecr` key (encryption type KMS) — satisfies ecr-kms-encryption */
    kmsKeyArn?: pulumi.Input<string>;
    /** Lifecycle policy document (JSON text). @default keep the last `keepImages` images and expire untagged ones after 14 days — satisfies ecr-lifecycle-policy */
    lifecyclePolicy?: pulumi.Input<string>;
    /** How many images the default lifecycle policy keeps. @default 100 */
    keepImages?: number;
    /** Delete the repository even if it holds images. @default false */
    forceDelete?: boolean;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** An ECR repository with immutable tags, scan on push, KMS encryption and a lifecycle policy. */
export class Repository extends pulumi.ComponentResource {
    readonly repository: aws.ecr.Repository;
    readonly lifecyclePolicy: aws.ecr.LifecyclePolicy;
    readonly repositoryUrl: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;

    constructor(name: string, args: RepositoryArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("ecs-guardrails:index:Repository", name, {}, opts);
        const props = enforce(this, name, "aws:ecr/repository:Repository", {
            name: args.name ?? name,
            imageTagMutability: "IMMUTABLE", // ecr-immutable-tags
            imageScanningConfiguration: { scanOnPush: true }, // ecr-scan-on-push
            encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }], // ecr-kms-encryption
            forceDelete: args.forceDelete ?? false,
            tags: args.tags,
        }, "imageTagMutability");
        this.repository = new aws.ecr.Repository(name, props as aws.ecr.RepositoryArgs, { parent: this });
        this.lifecyclePolicy = new aws.ecr.LifecyclePolicy(`${name}-lifecycle`, {
            repository: this.repository.name,
            policy: args.lifecyclePolicy ?? defaultLifecyclePolicy(args.keepImages ?? 100),
        }, { parent: this });
        this.repositoryUrl = this.repository.repositoryUrl;
        this.arn = this.repository.arn;
        this.registerOutputs({ repositoryUrl: this.repositoryUrl, arn: this.arn });
    }
}

export function defaultLifecyclePolicy(keepImages: number): string {
    return canonicalJson({
        rules: [
            { rulePriority: 1, description: "Expire untagged images after 14 days", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" } },
            { rulePriority: 2, description: `Keep the last ${keepImages} images`, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keepImages }, action: { type: "expire" } },
        ],
    });
}
