import { mkdir, readFile, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

// One ES module with everything in it (Lit included) for <script type="module">.
// Every byte is downloaded by a citizen on a phone: the build fails over budget.
const budgetBytes = 25 * 1024;
const outfile = "dist/kinerja-widgets.js";

await mkdir("dist", { recursive: true });
await build({
  entryPoints: ["src/index.ts"],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "none",
  outfile,
  // Lit's development build logs warnings; sites get the production one.
  conditions: ["production"],
});
// For bundlers: the same elements as an ES module that imports Lit, so a site's
// bundle shares one copy of it.
await build({
  entryPoints: ["src/index.ts"],
  bundle: true,
  format: "esm",
  target: "es2022",
  external: ["lit", "lit/*"],
  outfile: "dist/index.js",
});
const code = await readFile(outfile);
const gzip = gzipSync(code, { level: 9 }).length;
const report = `${outfile}: ${(code.length / 1024).toFixed(1)} kB, ${(gzip / 1024).toFixed(1)} kB gzip (budget ${budgetBytes / 1024} kB gzip)`;
await writeFile("dist/size.txt", report + "\n");
console.log(report);
if (gzip > budgetBytes) {
  console.error(`Over budget by ${gzip - budgetBytes} bytes.`);
  process.exit(1);
}
