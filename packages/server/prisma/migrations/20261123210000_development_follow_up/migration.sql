-- CreateTable
CREATE TABLE "DevelopmentRecommendation" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "targetDate" DATE NOT NULL,
    "recommendedById" TEXT NOT NULL,
    "trainingRecordId" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DevelopmentRecommendation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DevelopmentRecommendation_trainingRecordId_key" ON "DevelopmentRecommendation"("trainingRecordId");

-- CreateIndex
CREATE INDEX "DevelopmentRecommendation_employeeId_closedAt_idx" ON "DevelopmentRecommendation"("employeeId", "closedAt");

-- AddForeignKey
ALTER TABLE "DevelopmentRecommendation" ADD CONSTRAINT "DevelopmentRecommendation_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentRecommendation" ADD CONSTRAINT "DevelopmentRecommendation_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentRecommendation" ADD CONSTRAINT "DevelopmentRecommendation_trainingRecordId_fkey" FOREIGN KEY ("trainingRecordId") REFERENCES "TrainingRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

