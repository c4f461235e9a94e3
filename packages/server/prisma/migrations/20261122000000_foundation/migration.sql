-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "InstansiKind" AS ENUM ('PROVINSI', 'KABUPATEN', 'KOTA', 'DISTRIK', 'KECAMATAN');

-- CreateEnum
CREATE TYPE "EmploymentType" AS ENUM ('PNS', 'PPPK');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SUPERVISOR', 'EMPLOYEE');

-- CreateEnum
CREATE TYPE "PeriodCadence" AS ENUM ('MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('MONTH', 'QUARTER', 'YEAR');

-- CreateEnum
CREATE TYPE "UnitPredikat" AS ENUM ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');

-- CreateEnum
CREATE TYPE "SkpStatus" AS ENUM ('DRAFT', 'AGREED');

-- CreateEnum
CREATE TYPE "RhkKind" AS ENUM ('UTAMA', 'TAMBAHAN');

-- CreateEnum
CREATE TYPE "IndicatorAspect" AS ENUM ('KUANTITAS', 'KUALITAS', 'WAKTU');

-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "RealisationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('OPEN', 'FINAL');

-- CreateEnum
CREATE TYPE "RatingLevel" AS ENUM ('DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI');

-- CreateEnum
CREATE TYPE "Predikat" AS ENUM ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');

-- CreateEnum
CREATE TYPE "InputSource" AS ENUM ('SELF', 'SUPERVISOR', 'PEER');

-- CreateEnum
CREATE TYPE "BerakhlakValue" AS ENUM ('BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF');

-- CreateTable
CREATE TABLE "Instansi" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "InstansiKind" NOT NULL,
    "websiteOrigins" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Instansi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "parentId" TEXT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "headId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Employee" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "supervisorId" TEXT,
    "nip" CHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "rank" TEXT NOT NULL,
    "employmentType" "EmploymentType" NOT NULL DEFAULT 'PNS',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Employee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "employeeId" TEXT,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PerformanceYear" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "cadence" "PeriodCadence" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PerformanceYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Period" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "kind" "PeriodKind" NOT NULL,
    "number" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,

    CONSTRAINT "Period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitPerformance" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "predikat" "UnitPredikat" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitPerformance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Skp" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "assessorId" TEXT,
    "status" "SkpStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Skp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rhk" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "skpId" TEXT NOT NULL,
    "kind" "RhkKind" NOT NULL,
    "description" TEXT NOT NULL,
    "parentRhkId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rhk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "rhkId" TEXT NOT NULL,
    "aspect" "IndicatorAspect" NOT NULL,
    "description" TEXT NOT NULL,
    "targetValue" DECIMAL(14,4) NOT NULL,
    "targetUnit" TEXT NOT NULL,
    "direction" "IndicatorDirection" NOT NULL DEFAULT 'HIGHER_IS_BETTER',
    "weight" DECIMAL(7,4) NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Realisation" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "value" DECIMAL(14,4) NOT NULL,
    "evidenceUrl" TEXT,
    "note" TEXT,
    "status" "RealisationStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "reviewerId" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewComment" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Realisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "skpId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "status" "EvaluationStatus" NOT NULL DEFAULT 'OPEN',
    "hasilKerja" "RatingLevel",
    "perilakuKerja" "RatingLevel",
    "predikat" "Predikat",
    "finalisedById" TEXT,
    "finalisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationInput" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "source" "InputSource" NOT NULL,
    "hasilKerja" "RatingLevel",
    "comment" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationInput_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BehaviourRating" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "source" "InputSource" NOT NULL,
    "value" "BerakhlakValue" NOT NULL,
    "level" "RatingLevel" NOT NULL,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BehaviourRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackNote" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "hours" INTEGER NOT NULL,
    "certificateUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Instansi_slug_key" ON "Instansi"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_headId_key" ON "OrgUnit"("headId");

-- CreateIndex
CREATE INDEX "OrgUnit_instansiId_parentId_idx" ON "OrgUnit"("instansiId", "parentId");

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_instansiId_slug_key" ON "OrgUnit"("instansiId", "slug");

-- CreateIndex
CREATE INDEX "Employee_instansiId_unitId_idx" ON "Employee"("instansiId", "unitId");

-- CreateIndex
CREATE INDEX "Employee_supervisorId_idx" ON "Employee"("supervisorId");

-- CreateIndex
CREATE INDEX "Employee_instansiId_name_idx" ON "Employee"("instansiId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_instansiId_nip_key" ON "Employee"("instansiId", "nip");

-- CreateIndex
CREATE UNIQUE INDEX "Account_employeeId_key" ON "Account"("employeeId");

-- CreateIndex
CREATE INDEX "Account_instansiId_idx" ON "Account"("instansiId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "PerformanceYear_instansiId_year_key" ON "PerformanceYear"("instansiId", "year");

-- CreateIndex
CREATE INDEX "Period_instansiId_idx" ON "Period"("instansiId");

-- CreateIndex
CREATE UNIQUE INDEX "Period_yearId_kind_number_key" ON "Period"("yearId", "kind", "number");

-- CreateIndex
CREATE UNIQUE INDEX "UnitPerformance_unitId_yearId_key" ON "UnitPerformance"("unitId", "yearId");

-- CreateIndex
CREATE INDEX "Skp_instansiId_idx" ON "Skp"("instansiId");

-- CreateIndex
CREATE INDEX "Skp_assessorId_idx" ON "Skp"("assessorId");

-- CreateIndex
CREATE UNIQUE INDEX "Skp_employeeId_yearId_key" ON "Skp"("employeeId", "yearId");

-- CreateIndex
CREATE INDEX "Rhk_skpId_idx" ON "Rhk"("skpId");

-- CreateIndex
CREATE INDEX "Rhk_parentRhkId_idx" ON "Rhk"("parentRhkId");

-- CreateIndex
CREATE INDEX "Indicator_rhkId_idx" ON "Indicator"("rhkId");

-- CreateIndex
CREATE INDEX "Realisation_instansiId_status_idx" ON "Realisation"("instansiId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Realisation_indicatorId_periodId_key" ON "Realisation"("indicatorId", "periodId");

-- CreateIndex
CREATE INDEX "Evaluation_instansiId_status_idx" ON "Evaluation"("instansiId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_skpId_periodId_key" ON "Evaluation"("skpId", "periodId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationInput_evaluationId_authorId_key" ON "EvaluationInput"("evaluationId", "authorId");

-- CreateIndex
CREATE UNIQUE INDEX "BehaviourRating_evaluationId_raterId_value_key" ON "BehaviourRating"("evaluationId", "raterId", "value");

-- CreateIndex
CREATE INDEX "FeedbackNote_subjectId_createdAt_idx" ON "FeedbackNote"("subjectId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingRecord_employeeId_idx" ON "TrainingRecord"("employeeId");

-- CreateIndex
CREATE INDEX "AuditLog_instansiId_entity_entityId_idx" ON "AuditLog"("instansiId", "entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_instansiId_at_idx" ON "AuditLog"("instansiId", "at");

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrgUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_headId_fkey" FOREIGN KEY ("headId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PerformanceYear" ADD CONSTRAINT "PerformanceYear_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "PerformanceYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitPerformance" ADD CONSTRAINT "UnitPerformance_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitPerformance" ADD CONSTRAINT "UnitPerformance_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "PerformanceYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Skp" ADD CONSTRAINT "Skp_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Skp" ADD CONSTRAINT "Skp_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Skp" ADD CONSTRAINT "Skp_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "PerformanceYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rhk" ADD CONSTRAINT "Rhk_skpId_fkey" FOREIGN KEY ("skpId") REFERENCES "Skp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rhk" ADD CONSTRAINT "Rhk_parentRhkId_fkey" FOREIGN KEY ("parentRhkId") REFERENCES "Rhk"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_rhkId_fkey" FOREIGN KEY ("rhkId") REFERENCES "Rhk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Realisation" ADD CONSTRAINT "Realisation_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Realisation" ADD CONSTRAINT "Realisation_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_skpId_fkey" FOREIGN KEY ("skpId") REFERENCES "Skp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationInput" ADD CONSTRAINT "EvaluationInput_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BehaviourRating" ADD CONSTRAINT "BehaviourRating_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackNote" ADD CONSTRAINT "FeedbackNote_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackNote" ADD CONSTRAINT "FeedbackNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

