import type { Prisma } from "../generated/prisma/client.ts";

// The respondents of a survey period in aggregate (the regulation's report
// format includes their profile), under the same floor as every public
// figure: counted over the responses the period's published result stands
// on (so the profile moves only when the result does, by k at least), for
// one survey period at a time (never summed across periods or services,
// so no published total minus published parts can isolate a small group),
// and a dimension is shown only if every group it shows has k respondents:
// groups under k merge into OTHER, and if that is still under k the
// dimension is not shown. No cross-tabulation with answers is published.

export const profileDimensions = ["channel", "sex", "age", "education", "occupation"] as const;
export type ProfileDimension = (typeof profileDimensions)[number];

export interface ProfileGroup {
  /** An enum value, an age band (UNDER_25, 25_34, 35_44, 45_54, 55_PLUS), NOT_STATED or OTHER (merged small groups). */
  group: string;
  count: number;
}

export type RespondentProfile = { responseCount: number } & Record<ProfileDimension, ProfileGroup[] | null>;

/** Groups as published: small ones merged into OTHER, or the whole dimension withheld. */
export function publishableGroups(groups: ProfileGroup[], k: number): ProfileGroup[] | null {
  const shown = groups.filter((g) => g.count >= k).sort((a, b) => b.count - a.count || a.group.localeCompare(b.group));
  const merged = groups.filter((g) => g.count > 0 && g.count < k).reduce((n, g) => n + g.count, 0);
  if (merged === 0) return shown;
  return merged >= k ? [...shown, { group: "OTHER", count: merged }] : null;
}

const cache = new Map<string, Promise<RespondentProfile>>();
const capacity = 2_000;

/** The profile of a period's first `publishedCount` responses (those its published result counts). */
export function respondentProfile(db: Prisma.TransactionClient, periodId: string, publishedCount: number, k: number): Promise<RespondentProfile> {
  const key = `${periodId}:${publishedCount}:${k}`;
  let profile = cache.get(key);
  if (!profile) {
    profile = compute(db, periodId, publishedCount, k);
    profile.catch(() => cache.delete(key));
    if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    cache.set(key, profile);
  }
  return profile;
}

async function compute(db: Prisma.TransactionClient, periodId: string, publishedCount: number, k: number): Promise<RespondentProfile> {
  const rows = await db.$queryRaw<Array<{ dimension: ProfileDimension; grp: string | null; count: number }>>`
    WITH published AS (
      SELECT channel::text AS channel, sex::text AS sex, age, education::text AS education, occupation::text AS occupation
      FROM "SurveyResponse"
      WHERE "surveyId" = (SELECT "surveyId" FROM "SurveyPeriod" WHERE id = ${periodId}) AND "periodId" = ${periodId}
      ORDER BY "createdAt", id
      LIMIT ${publishedCount}
    )
    SELECT 'channel' AS dimension, channel AS grp, count(*)::int AS count FROM published GROUP BY 2
    UNION ALL SELECT 'sex', sex, count(*)::int FROM published GROUP BY 2
    UNION ALL SELECT 'age', CASE WHEN age IS NULL THEN NULL WHEN age < 25 THEN 'UNDER_25' WHEN age < 35 THEN '25_34'
      WHEN age < 45 THEN '35_44' WHEN age < 55 THEN '45_54' ELSE '55_PLUS' END, count(*)::int FROM published GROUP BY 2
    UNION ALL SELECT 'education', education, count(*)::int FROM published GROUP BY 2
    UNION ALL SELECT 'occupation', occupation, count(*)::int FROM published GROUP BY 2`;
  const groupsOf = (dimension: ProfileDimension) =>
    rows.filter((row) => row.dimension === dimension).map((row) => ({ group: row.grp ?? "NOT_STATED", count: Number(row.count) }));
  const responseCount = groupsOf("channel").reduce((n, g) => n + g.count, 0);
  return { responseCount, ...(Object.fromEntries(profileDimensions.map((d) => [d, publishableGroups(groupsOf(d), k)])) as Record<ProfileDimension, ProfileGroup[] | null>) };
}
