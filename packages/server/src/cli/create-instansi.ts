import { parseArgs } from "node:util";
import { openDatabase } from "../db/database.ts";
import { InstansiKind } from "../generated/prisma/enums.ts";
import { createInstansi } from "../organisation/instansi.ts";

const usage = `Usage: pnpm --filter @kinerja/server create-instansi --slug kota-salatiga --name "Pemerintah Kota Salatiga" --kind KOTA [--admin "Admin BKPSDM"] [--origin https://salatiga.go.id]... [--anonymity-floor 5]`;

const { values } = parseArgs({
  options: {
    slug: { type: "string" },
    name: { type: "string" },
    kind: { type: "string" },
    admin: { type: "string", default: "Pengelola Kinerja" },
    origin: { type: "string", multiple: true, default: [] },
    "anonymity-floor": { type: "string", default: "5" },
  },
});
const anonymityFloor = Number(values["anonymity-floor"]);
const kinds = Object.values(InstansiKind);
if (!values.slug || !values.name || !kinds.includes(values.kind as InstansiKind)) {
  console.error(`${usage}\n--kind is one of ${kinds.join(", ")}.`);
  process.exit(2);
}
// Five is the floor of the product's rules: an instansi may only ask for more.
if (!Number.isInteger(anonymityFloor) || anonymityFloor < 5 || anonymityFloor > 100) {
  console.error(`${usage}
--anonymity-floor is a whole number from 5 to 100.`);
  process.exit(2);
}

const db = await openDatabase({ url: process.env.DATABASE_URL });
try {
  await db.migrate();
  const { instansi, adminToken } = await createInstansi(db.prisma, {
    slug: values.slug,
    name: values.name,
    kind: values.kind as InstansiKind,
    adminName: values.admin,
    websiteOrigins: values.origin,
    anonymityFloor,
  });
  console.log(`Created ${instansi.name} (${instansi.slug}).`);
  console.log(`Admin token (shown once, store it now): ${adminToken}`);
} finally {
  await db.close();
}
