import type { Prisma } from "../generated/prisma/client.ts";

/** What a citizen sees of a survey: its service, unit and extra questions. Draft surveys are not public. */
export function loadPublicSurvey(db: Prisma.TransactionClient, slug: string) {
  return db.survey.findFirst({
    where: { slug, status: { not: "DRAFT" } },
    select: {
      id: true,
      slug: true,
      serviceName: true,
      status: true,
      unitId: true,
      unit: { select: { name: true, slug: true, instansi: { select: { name: true, slug: true } } } },
      questions: { orderBy: { position: "asc" }, select: { position: true, kind: true, textId: true, textEn: true } },
    },
  });
}

export type PublicSurvey = NonNullable<Awaited<ReturnType<typeof loadPublicSurvey>>>;
