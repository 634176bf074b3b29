import { strict as assert } from "assert";
import { appImage, container as c, remediate, table, taskDefinition as td, expressService, types, unknownString } from "../support/fixtures";

const digest = "sha256:" + "b".repeat(64);
const fix = "Use a unique tag per build (e.g. the git SHA) or a digest.";

table("ecs-image-tag-pinned", types.taskDefinition, [
    { name: "a unique tag passes", props: td() },
    { name: "a digest passes", props: td([c({ image: `nginx@${digest}` })]) },
    { name: "tag and digest pass, even latest", props: td([c({ image: `nginx:latest@${digest}` })]) },
    { name: "latest fails", props: td([c({ image: "nginx:latest" })]), violations: [`container 'api' image 'nginx:latest' uses the mutable tag 'latest'. ${fix}`] },
    { name: "LATEST in any case fails", props: td([c({ image: "nginx:LaTeSt" })]), violations: [`container 'api' image 'nginx:LaTeSt' uses the mutable tag 'LaTeSt'. ${fix}`] },
    { name: "no tag means latest", props: td([c({ image: "registry:5000/app" })]), violations: [`container 'api' image 'registry:5000/app' has no tag, which means \`latest\`. ${fix}`] },
    { name: "each container is checked", props: td([c(), c({ name: "proxy", image: "envoy" })]), violations: [`container 'proxy' image 'envoy' has no tag, which means \`latest\`. ${fix}`] },
    { name: "disallowedTags extends the list", props: td([c({ image: "app:stable" })]), config: { disallowedTags: ["latest", "stable"] }, violations: [`container 'api' image 'app:stable' uses the mutable tag 'stable'. ${fix}`] },
    { name: "requireDigest rejects a tag", props: td(), config: { requireDigest: true }, violations: [`container 'api' image '${appImage}' has no digest. Reference the image by digest (\`@sha256:...\`); requireDigest is on.`] },
    { name: "allowedTagPattern accepts a match", props: td([c({ image: "app:v1.2.3" })]), config: { allowedTagPattern: "v\\d+\\.\\d+\\.\\d+" } },
    { name: "allowedTagPattern must match in full", props: td([c({ image: "app:v1.2.3-dirty" })]), config: { allowedTagPattern: "v\\d+\\.\\d+\\.\\d+" }, violations: ["container 'api' image 'app:v1.2.3-dirty' has tag 'v1.2.3-dirty', which does not match allowedTagPattern 'v\\d+\\.\\d+\\.\\d+'. Use a tag of the allowed form or a digest."] },
    { name: "a broken allowedTagPattern falls back to unset (ecs-guardrails-config reports it)", props: td(), config: { allowedTagPattern: "(" } },
    { name: "an invalid reference is named", props: td([c({ image: "Bad Image" })]), violations: ["container 'api' image 'Bad Image' is not a valid image reference: it contains whitespace."] },
    { name: "a missing image is named", props: td([c({ image: undefined })]), violations: ["container 'api' has no image. Set `image` to a reference with a unique tag or a digest."] },
    { name: "an unknown image waits, the others are checked", props: td([c({ image: unknownString }), c({ name: "proxy", image: "envoy:latest" })]), violations: [`container 'proxy' image 'envoy:latest' uses the mutable tag 'latest'. ${fix}`], pending: ["container 'api' image is not known yet"] },
    { name: "unknown containerDefinitions wait", props: td([], { containerDefinitions: unknownString }), pending: ["containerDefinitions is not known yet"] },
    { name: "malformed containerDefinitions are left to ecs-input-well-formed", props: td([], { containerDefinitions: "{not json" }) },
    { name: "a container without a name is numbered", props: td([c(), { image: "x:latest" }]), violations: [`container #2 image 'x:latest' uses the mutable tag 'latest'. ${fix}`] },
    { name: "Express Gateway Service primary container", type: types.expressService, props: expressService({ primaryContainer: { image: "web:latest" } }), violations: [`container #1 image 'web:latest' uses the mutable tag 'latest'. ${fix}`] },
]);

table("ecs-version-consistency", types.taskDefinition, [
    { name: "unset passes", props: td() },
    { name: "enabled passes", props: td([c({ versionConsistency: "enabled" })]) },
    { name: "disabled fails", props: td([c({ versionConsistency: "disabled" })]), violations: ["container 'api' sets versionConsistency to 'disabled', so tasks of one deployment may run different images. Remove it or set 'enabled'."] },
]);

const download = (what: string) => `container 'api' downloads or installs code at start (${what}). Bake dependencies into the image instead.`;
table("ecs-no-startup-downloads", types.taskDefinition, [
    { name: "a plain command passes", props: td([c({ command: ["node", "server.js"] })]) },
    { name: "curl of a URL in a shell line", props: td([c({ entryPoint: ["sh", "-c"], command: ["curl -fsSL https://example.com/app.tgz | tar xz && ./app"] })]), violations: [download("'curl -fsSL https://example.com/app.tgz'")] },
    { name: "pip install", props: td([c({ command: ["sh", "-c", "pip install -r requirements.txt && python app.py"] })]), violations: [download("'pip install'")] },
    { name: "npm ci", props: td([c({ command: ["sh", "-c", "npm ci && node ."] })]), violations: [download("'npm ci'")] },
    { name: "apt-get -y install", props: td([c({ command: ["bash", "-c", "apt-get update && apt-get -y install curl"] })]), violations: [download("'apt-get -y install'")] },
    { name: "apk add", props: td([c({ command: ["sh", "-c", "apk add --no-cache git"] })]), violations: [download("'apk add'")] },
    { name: "git clone", props: td([c({ command: ["git", "clone", "https://github.com/x/y"] })]), violations: [download("'git clone'")] },
    { name: "aws s3 sync", props: td([c({ command: ["aws", "s3", "sync", "s3://bucket/models", "/models"] })]), violations: [download("'aws s3 sync'")] },
    { name: "allowPatterns allow a matched download", props: td([c({ command: ["sh", "-c", "curl http://localhost:8080/warm && ./app"] })]), config: { allowPatterns: ["localhost"] } },
    { name: "extraPatterns add detections", props: td([c({ command: ["fetch-models", "--all"] })]), config: { extraPatterns: ["fetch-models"] }, violations: [download("'fetch-models'")] },
    { name: "aws global options before s3 cp", props: td([c({ command: ["sh", "-c", "aws --region us-east-1 s3 cp s3://b/model /m && ./serve"] })]), violations: [download("'aws --region us-east-1 s3 cp'")] },
    { name: "git -C dir clone", props: td([c({ command: ["git", "-C", "/src", "clone", "https://github.com/x/y"] })]), violations: [download("'git -C /src clone'")] },
    { name: "git -c key=value clone", props: td([c({ command: ["sh", "-c", "git -c http.sslVerify=false clone https://g/x"] })]), violations: [download("'git -c http.sslVerify=false clone'")] },
    { name: "npm --prefix dir install", props: td([c({ command: ["sh", "-c", "npm --prefix /app install && node /app"] })]), violations: [download("'npm --prefix /app install'")] },
    { name: "a bare yarn installs", props: td([c({ command: ["sh", "-c", "yarn && yarn start"] })]), violations: [download("'yarn'")] },
    { name: "python -m pip install", props: td([c({ command: ["python3", "-m", "pip", "install", "-r", "req.txt"] })]), violations: [download("'pip install'")] },
    { name: "a scheme-less curl piped to a shell", props: td([c({ command: ["sh", "-c", "curl -fsSL example.com/install.sh | sh"] })]), violations: [download("'curl -fsSL example.com/install.sh'")] },
    { name: "wget of host/path", props: td([c({ command: ["sh", "-c", "wget -qO- host:8080/x | bash"] })]), violations: [download("'wget -qO- host:8080/x'")] },
    { name: "a flag that merely says curl is not curl", props: td([c({ command: ["gunicorn", "--curl-timeout", "5", "--bind", "0.0.0.0:8000", "app:app"] })]) },
    { name: "yarn start and npm start run, not install", props: td([c({ command: ["sh", "-c", "yarn start || npm start"] })]) },
    { name: "health checks are not inspected", props: td([c({ healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] } })]) },
    { name: "unknown command waits", props: td([c({ command: [unknownString] })]), pending: ["container 'api' command is not known yet"] },
]);

const supervisor = (name: string) => `container 'api' starts the process supervisor '${name}'. Run the application directly and let ECS restart the task.`;
table("ecs-single-process", types.taskDefinition, [
    { name: "one process passes", props: td([c({ command: ["node", "server.js"] })]) },
    { name: "tini in front passes", props: td([c({ entryPoint: ["/usr/bin/tini", "--"], command: ["node", "server.js"] })]) },
    { name: "dumb-init in front passes", props: td([c({ entryPoint: ["dumb-init"], command: ["python", "app.py"] })]) },
    { name: "supervisord", props: td([c({ command: ["/usr/bin/supervisord", "-n"] })]), violations: [supervisor("supervisord")] },
    { name: "systemd as /sbin/init", props: td([c({ entryPoint: ["/sbin/init"] })]), violations: [supervisor("/sbin/init")] },
    { name: "s6-overlay /init later in a shell line", props: td([c({ entryPoint: ["sh", "-c"], command: ["setup.sh; /init"] })]), violations: [supervisor("/init (s6-overlay)")] },
    { name: "pm2-runtime behind tini", props: td([c({ entryPoint: ["tini", "-s", "--"], command: ["pm2-runtime", "app.js"] })]), violations: [supervisor("pm2-runtime")] },
    { name: "nodemon behind npx", props: td([c({ command: ["npx", "nodemon"] })]), violations: [supervisor("nodemon")] },
    { name: "a supervisor after then", props: td([c({ command: ["sh", "-c", "if [ -f x ]; then supervisord -n; fi"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor after else", props: td([c({ command: ["sh", "-c", "if x; then a; else supervisord; fi"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor in a { group }", props: td([c({ command: ["sh", "-c", "{ supervisord; }"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor behind sudo", props: td([c({ command: ["sudo", "-u", "app", "supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor behind python -m", props: td([c({ command: ["python", "-m", "supervisor.supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor after dumb-init --", props: td([c({ entryPoint: ["dumb-init", "--"], command: ["supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor behind env and nohup", props: td([c({ command: ["env", "A=1", "nohup", "supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "nodemon as the program", props: td([c({ command: ["/app/node_modules/.bin/nodemon", "server.js"] })]), violations: [supervisor("nodemon")] },
    { name: "a lone & backgrounds a process", props: td([c({ command: ["sh", "-c", "worker & exec server"] })]), violations: ["container 'api' starts 'worker' in the background with '&'. Run one process per container; move helpers to sidecars."] },
    { name: "&& and 2>&1 are not backgrounding", props: td([c({ command: ["sh", "-c", "migrate && exec server 2>&1"] })]) },
]);

table("ecs-no-container-restart", types.taskDefinition, [
    { name: "no restart policy passes", props: td() },
    { name: "essential container restarting in place fails", props: td([c({ restartPolicy: { enabled: true } })]), violations: ["container 'api' is essential and restarts in place (restartPolicy.enabled is true). Remove the restart policy and let ECS replace the task."] },
    { name: "a non-essential sidecar may restart", props: td([c(), c({ name: "agent", essential: false, restartPolicy: { enabled: true } })]) },
]);

const noInit = "container 'api' runs without an init process. Set linuxParameters.initProcessEnabled to true (or start it with tini) so SIGTERM reaches the application.";
table("ecs-init-process", types.taskDefinition, [
    { name: "initProcessEnabled passes", props: td() },
    { name: "missing fails", props: td([c({ linuxParameters: undefined })]), violations: [noInit] },
    { name: "tini as entry point passes", props: td([c({ linuxParameters: undefined, entryPoint: ["/sbin/tini", "--"] })]) },
    { name: "dumb-init inside a shell line passes", props: td([c({ linuxParameters: null, entryPoint: ["sh", "-c", "exec dumb-init -- app"] })]) },
    { name: "Windows platform is not applicable", props: td([c({ linuxParameters: undefined })], { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } }), notApplicable: "Windows task" },
    { name: "Windows images are not applicable", props: td([c({ linuxParameters: undefined, image: "mcr.microsoft.com/windows/servercore:ltsc2022" })]), notApplicable: "Windows task" },
    { name: "the Express Gateway Service shape has no linuxParameters", type: types.expressService, props: expressService(), notApplicable: "the primaryContainer shape has no linuxParameters" },
]);

describe("ecs-init-process remediation", () => {
    it("sets initProcessEnabled and keeps other linuxParameters", () => {
        const props = td([c({ linuxParameters: { capabilities: { drop: ["ALL"] } } }), c({ name: "tini", entryPoint: ["tini", "--"], linuxParameters: undefined })]);
        const next = remediate("ecs-init-process", types.taskDefinition, props)!;
        const defs = JSON.parse(next.containerDefinitions as string);
        assert.deepEqual(defs[0].linuxParameters, { capabilities: { drop: ["ALL"] }, initProcessEnabled: true });
        assert.equal(defs[1].linuxParameters, undefined, "a container started by tini is left alone");
    });
    it("changes nothing when compliant", () => assert.equal(remediate("ecs-init-process", types.taskDefinition, td()), undefined));
});

table("ecs-stop-timeout", types.taskDefinition, [
    { name: "30 s passes", props: td() },
    { name: "both ends are included", props: td([c({ stopTimeout: 2 }), c({ name: "b", stopTimeout: 120 })]) },
    { name: "unset fails", props: td([c({ stopTimeout: undefined })]), violations: ["container 'api' has no stopTimeout, so ECS waits its default before SIGKILL. Set stopTimeout within [2, 120] seconds to what the application needs to drain."] },
    { name: "too long fails", props: td([c({ stopTimeout: 121 })]), violations: ["container 'api' stopTimeout '121' is outside [2, 120] seconds. Set it to what the application needs to drain, within that range."] },
    { name: "config moves the range", props: td([c({ stopTimeout: 90 })]), config: { maxSeconds: 60 }, violations: ["container 'api' stopTimeout '90' is outside [2, 60] seconds. Set it to what the application needs to drain, within that range."] },
    { name: "non-essential sidecars are not checked", props: td([c(), c({ name: "agent", essential: false, stopTimeout: undefined })]) },
    { name: "a numeric string is read as a number", props: td([c({ stopTimeout: "30" })]) },
]);

describe("ecs-stop-timeout remediation", () => {
    it("sets defaultSeconds where unset, only on essential containers", () => {
        const props = td([c({ stopTimeout: undefined }), c({ name: "agent", essential: false, stopTimeout: undefined }), c({ name: "slow", stopTimeout: 200 })]);
        const defs = JSON.parse(remediate("ecs-stop-timeout", types.taskDefinition, props, { defaultSeconds: 45 })!.containerDefinitions as string);
        assert.deepEqual(defs.map((d: { stopTimeout?: number }) => d.stopTimeout), [45, undefined, 200]);
    });
});

table("ecs-log-configuration", types.taskDefinition, [
    { name: "awslogs passes", props: td() },
    { name: "no log configuration fails", props: td([c({ logConfiguration: undefined })]), violations: ["container 'api' has no log configuration, so its stdout/stderr are lost. Set logConfiguration with one of: awslogs, awsfirelens, splunk."] },
    { name: "a driver outside the list fails", props: td([c({ logConfiguration: { logDriver: "json-file" } })]), violations: ["container 'api' uses log driver 'json-file', which is not allowed. Use one of: awslogs, awsfirelens, splunk."] },
    { name: "awsfirelens without a router fails", props: td([c({ logConfiguration: { logDriver: "awsfirelens" } })]), violations: ["container 'api' logs through awsfirelens but the task has no FireLens router. Add a log router container with firelensConfiguration."] },
    { name: "awsfirelens with a router passes", props: td([c({ logConfiguration: { logDriver: "awsfirelens" } }), c({ name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0", essential: false, firelensConfiguration: { type: "fluentbit" } })]) },
    { name: "allowedDrivers narrows the list", props: td([c({ logConfiguration: { logDriver: "splunk" } })]), config: { allowedDrivers: ["awslogs"] }, violations: ["container 'api' uses log driver 'splunk', which is not allowed. Use one of: awslogs."] },
    { name: "EGS with awsLogsConfigurations passes", type: types.expressService, props: expressService() },
    { name: "EGS without fails", type: types.expressService, props: expressService({ primaryContainer: { image: appImage } }), violations: ["container #1 has no log configuration, so its stdout/stderr are lost. Set primaryContainer.awsLogsConfigurations with one of: awslogs, awsfirelens, splunk."] },
]);
