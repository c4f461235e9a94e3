-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('PENDING', 'UPHELD', 'REJECTED');

-- AlterEnum
ALTER TYPE "EvaluationStatus" ADD VALUE 'IN_REVIEW';

-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN     "objectionWindowDays" INTEGER NOT NULL DEFAULT 14;

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "reviewNote" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewerId" TEXT;

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'PENDING',
    "deciderId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "predikatBefore" "Predikat" NOT NULL,
    "predikatAfter" "Predikat",

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Objection_evaluationId_key" ON "Objection"("evaluationId");

-- CreateIndex
CREATE INDEX "Objection_instansiId_status_idx" ON "Objection"("instansiId", "status");

-- CreateIndex
CREATE INDEX "Objection_deciderId_status_idx" ON "Objection"("deciderId", "status");

-- CreateIndex
CREATE INDEX "Evaluation_reviewerId_status_idx" ON "Evaluation"("reviewerId", "status");

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

