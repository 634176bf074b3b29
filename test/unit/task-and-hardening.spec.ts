import { container as c, expressService, table, taskDefinition as td, types, unknownString } from "../support/fixtures";

const sidecar = { name: "otel", image: "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0", essential: true, logConfiguration: { logDriver: "awslogs" } };

table("ecs-task-single-application", types.taskDefinition, [
    { name: "one application passes", props: td() },
    { name: "an app plus a known sidecar image passes", props: td([c(), sidecar]) },
    { name: "a non-essential helper is a sidecar", props: td([c(), c({ name: "cache", image: "redis:7.2", essential: false })]) },
    { name: "the docker label marks a sidecar", props: td([c(), c({ name: "helper", image: "acme/helper:1", dockerLabels: { "ecs-guardrails.sidecar": "true" } })]) },
    { name: "two applications fail", props: td([c(), c({ name: "worker", image: "acme/worker:1" })]), violations: ["Task definition runs 2 application containers ('api', 'worker'); at most 1 allowed. Split them into their own families, or mark helpers as sidecars (essential: false or docker label ecs-guardrails.sidecar=true)."] },
    { name: "maxApplications raises the limit", props: td([c(), c({ name: "worker", image: "acme/worker:1" })]), config: { maxApplications: 2 } },
    { name: "sidecarImagePatterns adds sidecars", props: td([c(), c({ name: "vault", image: "hashicorp/vault-agent:1.15" })]), config: { sidecarImagePatterns: ["vault-agent"] } },
    { name: "an unknown image may be a sidecar: wait", props: td([c(), c({ name: "x", image: unknownString })]), pending: ["whether container 'x' is a sidecar is not known yet"] },
]);

table("ecs-health-check", types.taskDefinition, [
    { name: "the application has a health check", props: td([c(), { ...sidecar, healthCheck: undefined }]) },
    { name: "an application without fails", props: td([c({ healthCheck: undefined })]), violations: ["container 'api' has no healthCheck, so ECS cannot tell when it is unhealthy. Add a healthCheck command."] },
]);

table("ecs-task-role", types.taskDefinition, [
    { name: "set passes", props: td() },
    { name: "unset fails", props: td(undefined, { taskRoleArn: undefined }), violations: ["No task role is set (taskRoleArn), so the application cannot be given its own narrowly scoped permissions. Create a role for this family and set taskRoleArn."] },
    { name: "an empty string means unset", props: td(undefined, { taskRoleArn: "" }), violations: ["No task role is set (taskRoleArn), so the application cannot be given its own narrowly scoped permissions. Create a role for this family and set taskRoleArn."] },
    { name: "a role ARN unknown at preview is set", props: td(undefined, { taskRoleArn: unknownString }) },
    { name: "EGS without a task role fails", type: types.expressService, props: expressService({ taskRoleArn: null }), violations: ["No task role is set (taskRoleArn), so the application cannot be given its own narrowly scoped permissions. Create a role for this family and set taskRoleArn."] },
]);

table("ecs-awsvpc-network-mode", types.taskDefinition, [
    { name: "awsvpc passes", props: td() },
    { name: "unset means bridge", props: td(undefined, { networkMode: undefined, requiresCompatibilities: ["EC2"] }), violations: ["networkMode is unset (bridge on EC2). Set networkMode to 'awsvpc' so each task gets its own network interface and the service its own security group."] },
    { name: "bridge fails", props: td(undefined, { networkMode: "bridge" }), violations: ["networkMode is 'bridge'. Set networkMode to 'awsvpc' so each task gets its own network interface and the service its own security group."] },
    { name: "Managed Instances only: unset defaults to awsvpc", props: td(undefined, { networkMode: undefined, requiresCompatibilities: ["MANAGED_INSTANCES"] }) },
    { name: "aws-native: Managed Instances only, unset", type: "aws-native:ecs:TaskDefinition", props: { ...td(), containerDefinitions: [c()], networkMode: undefined, requiresCompatibilities: ["MANAGED_INSTANCES"] } },
    { name: "Managed Instances beside EC2: unset is still bridge", props: td(undefined, { networkMode: undefined, requiresCompatibilities: ["MANAGED_INSTANCES", "EC2"] }), violations: ["networkMode is unset (bridge on EC2). Set networkMode to 'awsvpc' so each task gets its own network interface and the service its own security group."] },
    { name: "Managed Instances with bridge set fails", props: td(undefined, { networkMode: "bridge", requiresCompatibilities: ["MANAGED_INSTANCES"] }), violations: ["networkMode is 'bridge'. Set networkMode to 'awsvpc' so each task gets its own network interface and the service its own security group."] },
    { name: "ECS Anywhere only is not applicable", props: td(undefined, { networkMode: "bridge", requiresCompatibilities: ["EXTERNAL"] }), notApplicable: "ECS Anywhere (EXTERNAL) tasks cannot use awsvpc" },
]);

table("ecs-no-host-namespaces", types.taskDefinition, [
    { name: "unset passes", props: td() },
    { name: "task pid mode passes", props: td(undefined, { pidMode: "task" }) },
    { name: "host pid and ipc fail", props: td(undefined, { pidMode: "host", ipcMode: "host" }), violations: ["pidMode is 'host', so containers share the host's namespace. Remove it or use 'task'.", "ipcMode is 'host', so containers share the host's namespace. Remove it or use 'task'."] },
]);

table("ecs-no-host-network", types.taskDefinition, [
    { name: "awsvpc passes", props: td() },
    { name: "host fails", props: td(undefined, { networkMode: "host" }), violations: ["networkMode is 'host', so containers use the host's network stack directly. Use 'awsvpc'."] },
]);

table("ecs-memory-limit", types.taskDefinition, [
    { name: "task memory passes", props: td([c({ memory: undefined })]) },
    { name: "memory on every container passes", props: td([c()], { memory: undefined }) },
    { name: "neither fails", props: td([c(), c({ name: "b", memory: undefined })], { memory: undefined }), violations: ["The task sets no memory and container 'b' has no memory limit, so one container can exhaust the host. Set the task's memory or each container's memory."] },
]);

table("ecs-efs-transit-encryption", types.taskDefinition, [
    { name: "no volumes pass", props: td() },
    { name: "enabled passes", props: td(undefined, { volumes: [{ name: "data", efsVolumeConfiguration: { fileSystemId: "fs-1", transitEncryption: "ENABLED" } }] }) },
    { name: "unset fails", props: td(undefined, { volumes: [{ name: "data", efsVolumeConfiguration: { fileSystemId: "fs-1" } }, { name: "scratch" }] }), violations: ["EFS volume 'data' does not encrypt data in transit. Set efsVolumeConfiguration.transitEncryption to 'ENABLED'."] },
]);

table("ecs-no-privileged", types.taskDefinition, [
    { name: "unset passes", props: td() },
    { name: "privileged fails", props: td([c({ privileged: true })]), violations: ["container 'api' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."] },
    { name: "the string 'true' is rejected by the provider: left to ecs-input-well-formed", props: td([c({ privileged: "true" })]) },
]);

table("ecs-readonly-root-filesystem", types.taskDefinition, [
    { name: "read-only passes", props: td() },
    { name: "unset fails", props: td([c({ readonlyRootFilesystem: undefined })]), violations: ["container 'api' can write to its root filesystem. Set readonlyRootFilesystem to true and mount volumes where it must write."] },
]);

table("ecs-non-root-user", types.taskDefinition, [
    { name: "a UID passes", props: td() },
    { name: "a name passes", props: td([c({ user: "app:app" })]) },
    { name: "unset fails", props: td([c({ user: undefined })]), violations: ["container 'api' sets no user, so it runs as the image's user (often root). Set user to a non-root user or UID."] },
    { name: "root fails", props: td([c({ user: "root" })]), violations: ["container 'api' runs as root (user 'root'). Set user to a non-root user or UID."] },
    { name: "0:0 fails", props: td([c({ user: "0:0" })]), violations: ["container 'api' runs as root (user '0:0'). Set user to a non-root user or UID."] },
    { name: "1000:0 is not root", props: td([c({ user: "1000:0" })]) },
    { name: "Windows: ContainerUser passes", props: td([c({ user: "ContainerUser" })], { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } }) },
    { name: "Windows: ContainerAdministrator fails, in any case", props: td([c({ user: "containerADMINISTRATOR" })], { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } }), violations: ["container 'api' runs as the Windows administrator (user 'containerADMINISTRATOR'). Set user to a non-administrator account such as ContainerUser."] },
    { name: "Windows: unset fails", props: td([c({ user: undefined })], { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2019_FULL" } }), violations: ["container 'api' sets no user, so it runs as the image's user (ContainerAdministrator on Windows base images). Set user to a non-administrator account such as ContainerUser."] },
    { name: "Windows told apart by its images", props: td([c({ user: "ContainerAdministrator", image: "mcr.microsoft.com/windows/servercore:ltsc2022" })]), violations: ["container 'api' runs as the Windows administrator (user 'ContainerAdministrator'). Set user to a non-administrator account such as ContainerUser."] },
    { name: "aws-native: Windows ContainerAdministrator fails", type: "aws-native:ecs:TaskDefinition", props: { ...td(), containerDefinitions: [c({ user: "ContainerAdministrator" })], runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } }, violations: ["container 'api' runs as the Windows administrator (user 'ContainerAdministrator'). Set user to a non-administrator account such as ContainerUser."] },
    { name: "Linux: containeradministrator is just a name", props: td([c({ user: "containeradministrator" })]) },
]);

const secretName = (n: string) => `container 'api' environment variable '${n}' is named like a secret and is stored in plain text in the task definition. Move it to \`secrets\` (Secrets Manager or SSM).`;
const secretValue = (n: string) => `container 'api' environment variable '${n}' holds a value that looks like a credential and is stored in plain text in the task definition. Move it to \`secrets\` (Secrets Manager or SSM).`;
table("ecs-no-secrets-in-environment", types.taskDefinition, [
    { name: "plain settings pass", props: td([c({ environment: [{ name: "LOG_LEVEL", value: "info" }, { name: "PORT", value: "8080" }] })]) },
    { name: "a secret name fails, naming the variable and never the value", props: td([c({ environment: [{ name: "DB_PASSWORD", value: "hunter2-very-secret" }] })]), violations: [secretName("DB_PASSWORD")] },
    { name: "api keys in any case", props: td([c({ environment: [{ name: "stripe_apikey", value: "sk_live_x" }] })]), violations: [secretName("stripe_apikey")] },
    { name: "numbers and boolean words are not secrets", props: td([c({ environment: [{ name: "TOKEN_EXPIRE_MINUTES", value: "30" }, { name: "USE_TOKEN", value: "false" }] })]) },
    { name: "empty values are not secrets", props: td([c({ environment: [{ name: "API_KEY", value: "" }] })]) },
    { name: "an AWS access key id by value", props: td([c({ environment: [{ name: "UPSTREAM", value: "AKIAABCDEFGHIJKLMNOP" }] })]), violations: [secretValue("UPSTREAM")] },
    { name: "a URL with a password", props: td([c({ environment: [{ name: "DATABASE_URL", value: "postgres://app:pa55word@db:5432/shop" }] })]), violations: [secretValue("DATABASE_URL")] },
    { name: "a password as a URL query parameter", props: td([c({ environment: [{ name: "UPSTREAM", value: "https://api.example.com/v1?user=app&Password=s3cr3t" }, { name: "FIRST", value: "https://h/x?password=s3cr3t" }] })]), violations: [secretValue("UPSTREAM"), secretValue("FIRST")] },
    { name: "a password as a JDBC parameter", props: td([c({ environment: [{ name: "JDBC", value: "jdbc:sqlserver://db:1433;databaseName=shop;user=app;PASSWORD=s3cr3t" }] })]), violations: [secretValue("JDBC")] },
    { name: "a password as an ODBC pwd", props: td([c({ environment: [{ name: "ODBC", value: "Driver={ODBC Driver 18};Server=db;Uid=app;Pwd=s3cr3t;" }] })]), violations: [secretValue("ODBC")] },
    { name: "aws-native: a JDBC password parameter", type: "aws-native:ecs:TaskDefinition", props: { ...td(), containerDefinitions: [c({ environment: [{ name: "JDBC", value: "jdbc:mysql://db/shop?user=app&password=s3cr3t" }] })] }, violations: [secretValue("JDBC")] },
    { name: "an empty password parameter or a word that only contains it is no credential", props: td([c({ environment: [{ name: "FORM", value: "https://h/reset?password=&next=/" }, { name: "HINT", value: "mypassword=weak is a bad idea" }] })]) },
    { name: "a PEM private key", props: td([c({ environment: [{ name: "TLS", value: "-----BEGIN RSA PRIVATE KEY-----\nMIIE..." }] })]), violations: [secretValue("TLS")] },
    { name: "allowNames", props: td([c({ environment: [{ name: "PUBLIC_TOKEN_URL", value: "https://x" }] })]), config: { allowNames: ["PUBLIC_TOKEN_URL"] } },
    { name: "secretNamePatterns replaces the list", props: td([c({ environment: [{ name: "DB_PASSWORD", value: "x1" }, { name: "PIN", value: "abcd" }] })]), config: { secretNamePatterns: ["^PIN$"] }, violations: [secretName("PIN")] },
    { name: "an unknown value is checked later", props: td([c({ environment: [{ name: "NOTE", value: unknownString }] })]), pending: ["containerDefinitions[0].environment[0].value is not known yet"] },
    { name: "EGS environments", type: types.expressService, props: expressService({ primaryContainer: { image: "web:1", awsLogsConfigurations: [{ logGroup: "g", logStreamPrefix: "p" }], environments: [{ name: "API_TOKEN", value: "abc123" }] } }), violations: ["container #1 environment variable 'API_TOKEN' is named like a secret and is stored in plain text in the task definition. Move it to `secrets` (Secrets Manager or SSM)."] },
]);
