import { createHash, randomBytes } from "node:crypto";
import type { ReadScope } from "../application/scope.ts";
import { dayIn } from "../domain/work-calendar.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { evaluationDocument, skpDocument, type EvaluationDocument, type SkpDocument } from "./content.ts";
import { renderEvaluation, renderSkp } from "./render.ts";

// Issuing a document: gather its facts (with the viewer's visibility),
// render the PDF with a fresh verification code, and keep the hashes that
// let anyone holding a copy check it at /verify/<code>.

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** The facts a document prints, hashed in a stable order. */
const contentHashOf = (content: SkpDocument | EvaluationDocument) => sha256(JSON.stringify(content));

const gather = { SKP: skpDocument, EVALUATION: evaluationDocument } as const;
export type DocumentKind = keyof typeof gather;

/** Renders a document of an SKP or an evaluation the viewer may read, and records its issue. */
export async function issueDocument(scope: ReadScope, kind: DocumentKind, subjectId: string, verifyBase: string) {
  const content = await gather[kind](scope, subjectId);
  const code = randomBytes(16).toString("base64url");
  const instansi = await scope.db.instansi.findUniqueOrThrow({ where: { id: scope.viewer.instansiId }, select: { timeZone: true } });
  const verification = { code, url: `${verifyBase}/verify/${code}`, issuedOn: dayIn(scope.now, instansi.timeZone) };
  const pdf = content.kind === "SKP" ? await renderSkp(content, verification) : await renderEvaluation(content, verification);
  await scope.db.issuedDocument.create({
    data: {
      id: code,
      instansiId: scope.viewer.instansiId,
      kind,
      subjectId,
      title: content.title,
      contentHash: contentHashOf(content),
      pdfHash: sha256(pdf),
      issuedAt: scope.now,
      issuedById: scope.viewer.accountId,
    },
  });
  return { pdf, filename: `${kind === "SKP" ? "skp" : "evaluasi"}-${content.parties[0]!.nip}-${content.year}.pdf` };
}

export interface VerificationResult {
  code: string;
  title: string;
  instansi: string;
  /** The evaluated employee's name and NIP, as printed. */
  employee: { name: string; nip: string };
  issuedAt: Date;
  /** The record still says what the document says. */
  unchanged: boolean;
  /** When bytes were sent: whether they are exactly the issued PDF. */
  sameFile: boolean | null;
  pdfSha256: string;
}

/**
 * What anyone holding a document learns from its code: what it is, whom it
 * is about, when it was issued, whether the record changed since and,
 * given the file, whether it is the very file issued. Null for an unknown code.
 */
export async function verifyDocument(prisma: PrismaClient, code: string, file: Uint8Array | null): Promise<VerificationResult | null> {
  const issued = await prisma.issuedDocument.findUnique({ where: { id: code } });
  if (!issued) return null;
  // Recomputed as the instansi's admin would see it: the record itself, not one person's view of it.
  const admin = await prisma.account.findFirst({ where: { instansiId: issued.instansiId, role: "ADMIN" } });
  const viewer = { accountId: admin?.id ?? "", instansiId: issued.instansiId, role: "ADMIN" as const, employeeId: null, tokenId: "" };
  const scope: ReadScope = { db: prisma, viewer, now: new Date() };
  const content = await gather[issued.kind](scope, issued.subjectId).catch(() => null);
  const [employee] = content?.parties ?? [];
  const instansi = await prisma.instansi.findUniqueOrThrow({ where: { id: issued.instansiId }, select: { name: true } });
  return {
    code,
    title: issued.title,
    instansi: instansi.name,
    employee: { name: employee?.name ?? "", nip: employee?.nip ?? "" },
    issuedAt: issued.issuedAt,
    unchanged: content !== null && contentHashOf(content) === issued.contentHash,
    sameFile: file ? sha256(file) === issued.pdfHash : null,
    pdfSha256: issued.pdfHash,
  };
}
