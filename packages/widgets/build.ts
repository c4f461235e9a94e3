import { mkdir, readFile, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

// Self-contained ES modules (Lit included) for <script type="module">: the
// survey and the scorecard in one, the report in its own, so a page that
// embeds only the survey never downloads the report. Every byte is
// downloaded by a citizen on a phone: the build fails over budget.
const bundles = [
  { entry: "src/index.ts", outfile: "dist/kinerja-widgets.js", lib: "dist/index.js", budgetBytes: 25 * 1024 },
  { entry: "src/report.ts", outfile: "dist/kinerja-report.js", lib: "dist/report.js", budgetBytes: 25 * 1024 },
];

await mkdir("dist", { recursive: true });
const reports: string[] = [];
let over = false;
for (const bundle of bundles) {
  await build({
    entryPoints: [bundle.entry],
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "none",
    outfile: bundle.outfile,
    // Lit's development build logs warnings; sites get the production one.
    conditions: ["production"],
  });
  // For bundlers: the same elements as an ES module that imports Lit, so a site's bundle shares one copy of it.
  await build({ entryPoints: [bundle.entry], bundle: true, format: "esm", target: "es2022", external: ["lit", "lit/*"], outfile: bundle.lib });
  const code = await readFile(bundle.outfile);
  const gzip = gzipSync(code, { level: 9 }).length;
  reports.push(`${bundle.outfile}: ${(code.length / 1024).toFixed(1)} kB, ${(gzip / 1024).toFixed(1)} kB gzip (budget ${bundle.budgetBytes / 1024} kB gzip)`);
  if (gzip > bundle.budgetBytes) {
    console.error(`${bundle.outfile} is over budget by ${gzip - bundle.budgetBytes} bytes.`);
    over = true;
  }
}
await writeFile("dist/size.txt", reports.join("\n") + "\n");
console.log(reports.join("\n"));
if (over) process.exit(1);
