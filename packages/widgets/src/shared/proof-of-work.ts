/** The ALTCHA challenge the server signs (surveyChallenge). */
export interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * Finds n ≤ maxnumber with SHA-256(salt + n) = challenge and returns the
 * base64 payload the server verifies. Runs on Web Crypto, in small slices
 * so the page stays responsive.
 */
export async function solve(challenge: Challenge): Promise<string> {
  const encoder = new TextEncoder();
  for (let n = 0; n <= challenge.maxnumber; n++) {
    const digest = hex(await crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n)));
    if (digest === challenge.challenge) {
      const { algorithm, challenge: c, salt, signature } = challenge;
      return btoa(JSON.stringify({ algorithm, challenge: c, number: n, salt, signature }));
    }
  }
  throw new Error("Proof of work not found");
}
