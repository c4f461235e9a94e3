import { createKinerja, seedDemo } from "@kinerja/server";
import { benchDatabase } from "./database.ts";
import { startProcess } from "./processes.ts";
import { load } from "./load.ts";
const database = await benchDatabase(process.env.DATABASE_URL);
const setup = await createKinerja({ database: { url: database.url } });
await seedDemo(setup.prisma);
await setup.close();
const extra = (process.env.PROF ?? "") ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [];
const k = await startProcess("kinerja", "packages/server", [...extra, "dist/main.js"], { DATABASE_URL: database.url, NODE_ENV: "production" }, "Kinerja API ready");
const employees = `query($first: Int!) { employees(first: $first) { totalCount edges { node { name nip
    skps { status rhks { kind description indicators { description target realisations { value status } } } } } } } }`;
const body = JSON.stringify({ query: employees, variables: { first: 20 } });
const r = await load(k.url, { method: "POST", path: "/graphql", headers: { "content-type": "application/json", authorization: "Bearer knj_demo_kota-salatiga_admin" }, body }, { seconds: Number(process.env.S ?? 6), connections: 20 });
console.log(r);
const res = await fetch(k.url + "/graphql", { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer knj_demo_kota-salatiga_admin" }, body });
const text = await res.text(); console.log(text.length, "bytes");
await k.stop();
await database.drop();
