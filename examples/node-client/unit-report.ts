import { UnitEmployeesDocument, UnitsDocument, UnitSurveysDocument, type KinerjaClient } from "@kinerja/client";

/**
 * A unit's employees and its citizen satisfaction index, as lines of text.
 * Pages through the employees connection, so it works for units of any size.
 */
export async function unitReport(client: KinerjaClient, unitSlug: string): Promise<string[]> {
  const { units } = await client.request(UnitsDocument, { first: 200 });
  const unit = units.edges.map((edge) => edge.node).find((node) => node.slug === unitSlug);
  if (!unit) throw new Error(`No unit "${unitSlug}" in your instansi.`);
  const lines = [`${unit.name}`];

  let after: string | null = null;
  let total = 0;
  do {
    const { employees }: Awaited<ReturnType<typeof fetchPage>> = await fetchPage(client, unit.id, after);
    total = employees.totalCount;
    for (const { node } of employees.edges) lines.push(`  ${node.nip}  ${node.name} — ${node.position} (${node.rank})`);
    after = employees.pageInfo.hasNextPage ? (employees.pageInfo.endCursor ?? null) : null;
  } while (after);
  lines.push(`  ${total} employees`);

  const { surveys } = await client.request(UnitSurveysDocument, { unitId: unit.id });
  for (const { node: survey } of surveys.edges) {
    const r = survey.result;
    lines.push(
      r
        ? `  IKM ${survey.serviceName}: ${r.ikm.toFixed(2)} (${r.grade}, ${r.label}) from ${r.responseCount} responses` +
            (r.representative ? "" : `, not yet representative (needs ${r.sampleTarget})`)
        : `  IKM ${survey.serviceName}: no responses yet`,
    );
  }
  return lines;
}

function fetchPage(client: KinerjaClient, unitId: string, after: string | null) {
  return client.request(UnitEmployeesDocument, { unitId, first: 50, after });
}
