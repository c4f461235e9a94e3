-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "SurveyElement" AS ENUM ('U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9');

-- CreateEnum
CREATE TYPE "SurveyQuestionKind" AS ENUM ('TEXT', 'SCALE');

-- CreateEnum
CREATE TYPE "RespondentSex" AS ENUM ('LAKI_LAKI', 'PEREMPUAN');

-- CreateEnum
CREATE TYPE "RespondentEducation" AS ENUM ('SD', 'SMP', 'SMA', 'D1_D3', 'D4_S1', 'S2_KE_ATAS');

-- CreateEnum
CREATE TYPE "RespondentOccupation" AS ENUM ('PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA');

-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Asia/Jakarta';

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "sourceElement" "SurveyElement",
ADD COLUMN     "sourceSurveyId" TEXT;

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL,
    "status" "SurveyStatus" NOT NULL DEFAULT 'DRAFT',
    "weights" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyPeriod" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "serviceUsers" INTEGER NOT NULL,

    CONSTRAINT "SurveyPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "SurveyQuestionKind" NOT NULL,
    "textId" TEXT NOT NULL,
    "textEn" TEXT,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "payloadHash" CHAR(64) NOT NULL,
    "answers" INTEGER[],
    "extraAnswers" JSONB,
    "sex" "RespondentSex",
    "age" INTEGER,
    "education" "RespondentEducation",
    "occupation" "RespondentOccupation",
    "serviceUsedAt" TIMESTAMP(3),
    "suggestion" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyTotal" (
    "periodId" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "responseCount" INTEGER NOT NULL DEFAULT 0,
    "sumU1" INTEGER NOT NULL DEFAULT 0,
    "sumU2" INTEGER NOT NULL DEFAULT 0,
    "sumU3" INTEGER NOT NULL DEFAULT 0,
    "sumU4" INTEGER NOT NULL DEFAULT 0,
    "sumU5" INTEGER NOT NULL DEFAULT 0,
    "sumU6" INTEGER NOT NULL DEFAULT 0,
    "sumU7" INTEGER NOT NULL DEFAULT 0,
    "sumU8" INTEGER NOT NULL DEFAULT 0,
    "sumU9" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyTotal_pkey" PRIMARY KEY ("periodId")
);

-- CreateTable
CREATE TABLE "Scorecard" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "showSurveys" BOOLEAN NOT NULL DEFAULT true,
    "showIndicators" BOOLEAN NOT NULL DEFAULT true,
    "showPredikat" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpentChallenge" (
    "signature" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpentChallenge_pkey" PRIMARY KEY ("signature")
);

-- CreateIndex
CREATE UNIQUE INDEX "Survey_slug_key" ON "Survey"("slug");

-- CreateIndex
CREATE INDEX "Survey_instansiId_unitId_idx" ON "Survey"("instansiId", "unitId");

-- CreateIndex
CREATE INDEX "SurveyPeriod_surveyId_endsOn_idx" ON "SurveyPeriod"("surveyId", "endsOn");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyPeriod_surveyId_startsOn_key" ON "SurveyPeriod"("surveyId", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_surveyId_position_key" ON "SurveyQuestion"("surveyId", "position");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_periodId_createdAt_idx" ON "SurveyResponse"("surveyId", "periodId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_idempotencyKey_key" ON "SurveyResponse"("surveyId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "SurveyTotal_surveyId_idx" ON "SurveyTotal"("surveyId");

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_unitId_key" ON "Scorecard"("unitId");

-- CreateIndex
CREATE INDEX "SpentChallenge_expiresAt_idx" ON "SpentChallenge"("expiresAt");

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_sourceSurveyId_fkey" FOREIGN KEY ("sourceSurveyId") REFERENCES "Survey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyPeriod" ADD CONSTRAINT "SurveyPeriod_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "SurveyPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyTotal" ADD CONSTRAINT "SurveyTotal_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyTotal" ADD CONSTRAINT "SurveyTotal_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "SurveyPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

