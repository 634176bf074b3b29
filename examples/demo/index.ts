// The demo stack: a small, realistic service built from the components, previewable offline.
// Its own VPC (public subnets for the load balancer, private ones for tasks), a cluster, a repository,
// and a Fargate service (an API plus an OpenTelemetry collector sidecar) behind an Application Load Balancer,
// autoscaled, on Fargate Spot beside an on-demand base.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Cluster, FargateService, Repository, TaskDefinition } from "../../components";

const config = new pulumi.Config();
const zones = config.getObject<string[]>("availabilityZones") ?? ["us-east-1a", "us-east-1b"];
/** The image CI built and pushed, tagged with its git SHA. */
const image = config.get("image") ?? "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:3f9c2ab";
const tags = { project: "ecs-guardrails-demo" };

const vpc = new aws.ec2.Vpc("demo", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, tags });
const gateway = new aws.ec2.InternetGateway("demo", { vpcId: vpc.id, tags });
const publicRoutes = new aws.ec2.RouteTable("public", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: gateway.id }], tags });
const publicSubnets = zones.map((zone, i) => {
    const subnet = new aws.ec2.Subnet(`public-${i}`, { vpcId: vpc.id, availabilityZone: zone, cidrBlock: `10.0.${i}.0/24`, tags });
    new aws.ec2.RouteTableAssociation(`public-${i}`, { subnetId: subnet.id, routeTableId: publicRoutes.id });
    return subnet;
});
const privateSubnets = zones.map((zone, i) =>
    new aws.ec2.Subnet(`private-${i}`, { vpcId: vpc.id, availabilityZone: zone, cidrBlock: `10.0.${100 + i}.0/24`, tags }));

const albGroup = new aws.ec2.SecurityGroup("alb", {
    vpcId: vpc.id,
    description: "Load balancer: HTTP from the internet",
    ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }],
    egress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["10.0.0.0/16"] }],
    tags,
});
const alb = new aws.lb.LoadBalancer("api", { loadBalancerType: "application", subnets: publicSubnets.map((s) => s.id), securityGroups: [albGroup.id], tags });
const targets = new aws.lb.TargetGroup("api", { port: 8080, protocol: "HTTP", targetType: "ip", vpcId: vpc.id, healthCheck: { path: "/health" }, tags });
new aws.lb.Listener("http", { loadBalancerArn: alb.arn, port: 80, protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn: targets.arn }] });

const cluster = new Cluster("shop", { tags });
const repository = new Repository("shop-api", { name: "shop/api", tags });

const api = new TaskDefinition("api", {
    container: {
        name: "api",
        image,
        port: 8080,
        user: "1000",
        environment: { LOG_LEVEL: "info", OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4317" },
        healthCheck: { command: ["CMD", "/app/healthcheck"], interval: 15, retries: 3 },
    },
    sidecars: [{ name: "otel-collector", image: "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0", user: "10001" }],
    repositoryArns: [repository.arn],
    tags,
});

const service = new FargateService("api", {
    cluster: cluster.arn,
    taskDefinition: api,
    vpcId: vpc.id,
    subnets: privateSubnets.map((s) => s.id),
    desiredCount: 2,
    ingress: [{ port: 8080, fromSecurityGroupIds: [albGroup.id] }],
    loadBalancer: { targetGroupArn: targets.arn },
    // One task always on demand; the rest mostly on Fargate Spot.
    capacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }],
    // 2 to 8 tasks, tracking 60% CPU, 70% memory and 1,000 requests per task per minute.
    autoscaling: { maxCapacity: 8, requestsPerTarget: 1000, loadBalancerArn: alb.arn },
    tags,
});

export const url = pulumi.interpolate`http://${alb.dnsName}`;
export const serviceName = service.name;
export const repositoryUrl = repository.repositoryUrl;
