-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE');

-- CreateTable
CREATE TABLE "FollowUpAction" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "surveyPeriodId" TEXT NOT NULL,
    "element" "SurveyElement" NOT NULL,
    "action" TEXT NOT NULL,
    "responsible" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'PLANNED',
    "evidence" TEXT,
    "indicatorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FollowUpAction_surveyPeriodId_idx" ON "FollowUpAction"("surveyPeriodId");

-- AddForeignKey
ALTER TABLE "FollowUpAction" ADD CONSTRAINT "FollowUpAction_surveyPeriodId_fkey" FOREIGN KEY ("surveyPeriodId") REFERENCES "SurveyPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

