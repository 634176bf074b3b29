const { RE2JS } = require("re2js");
const side = ["aws-otel-collector", "aws-xray-daemon", "aws-for-fluent-bit", "fluent-bit", "fluentd", "(^|/)envoy", "aws-appmesh-envoy","ecs-service-connect-agent", "cloudwatch-agent", "datadog(hq)?/agent", "newrelic/(nri-ecs|infrastructure)", "opentelemetry-collector"];
const combined = RE2JS.compile(side.map(s=>`(?:${s})`).join("|"), RE2JS.CASE_INSENSITIVE);
const natives = side.map(s=>new RegExp(s,"i"));
const inputs = ["123456789012.dkr.ecr.us-east-1.amazonaws.com/app-1", "aws-observability/aws-otel-collector", "aws-observability/aws-for-fluent-bit", "library/nginx"];
for (const [name, f] of [["re2 combined", s=>combined.test(s)], ["native", s=>natives.some(r=>r.test(s))]]) {
  for (let k=0;k<3;k++){ const t0=process.hrtime.bigint(); let c=0; for (let i=0;i<300000;i++) c+= f(inputs[i%4])?1:0; console.log(name, Number(process.hrtime.bigint()-t0)/1e6, c);}
}
