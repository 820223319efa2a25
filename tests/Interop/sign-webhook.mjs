// Signs a webhook delivery with the official Standard Webhooks library, as an AI backend using it would.
// Usage: node sign-webhook.mjs <whsec_ secret> <message id>  (the body on standard input)
// Prints the three headers as JSON: {"webhook-id", "webhook-timestamp", "webhook-signature"}.
import { Webhook } from "standardwebhooks";

const [secret, id] = process.argv.slice(2);
if (!secret || !id) {
  console.error("usage: node sign-webhook.mjs <whsec_ secret> <message id> < body");
  process.exit(2);
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const body = Buffer.concat(chunks).toString("utf8");

const sentAt = new Date();
const signature = new Webhook(secret).sign(id, sentAt, body);
// The library's own verify must accept what it signed, or the test would prove nothing.
new Webhook(secret).verify(body, {
  "webhook-id": id,
  "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
  "webhook-signature": signature,
});
process.stdout.write(JSON.stringify({
  "webhook-id": id,
  "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
  "webhook-signature": signature,
}));
