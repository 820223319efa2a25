// Verifies the JWT AppBackend sends to the AI backend with jose, as an AI backend would (contract section 3):
// HS256 under AI_BACKEND_SECRET, iss "app-backend", aud "ai-backend", iat, nbf, exp at most 15 minutes after iat, jti.
// Usage: node verify-jwt.mjs <secret>  (the token on standard input)
// Prints the verified payload and protected header as JSON; exits 1 with the reason when verification fails.
import { jwtVerify } from "jose";

const [secret] = process.argv.slice(2);
if (!secret) {
  console.error("usage: node verify-jwt.mjs <secret> < token");
  process.exit(2);
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const token = Buffer.concat(chunks).toString("utf8").trim();

try {
  const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(secret), {
    algorithms: ["HS256"],
    issuer: "app-backend",
    audience: "ai-backend",
    requiredClaims: ["iat", "nbf", "exp", "jti"],
    maxTokenAge: "15m",
  });
  if (payload.exp - payload.iat > 15 * 60) {
    throw new Error(`exp is ${payload.exp - payload.iat} s after iat; at most 900 s allowed`);
  }
  if (payload.nbf > payload.iat + 1) {
    throw new Error("nbf lies after iat");
  }
  if (typeof payload.jti !== "string" || payload.jti.length === 0) {
    throw new Error("jti is not a non-empty string");
  }
  process.stdout.write(JSON.stringify({ payload, protectedHeader }));
} catch (error) {
  console.error(`jose refused the token: ${error.code ?? ""} ${error.message}`);
  process.exit(1);
}
