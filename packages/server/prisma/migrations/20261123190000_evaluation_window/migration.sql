-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN     "evaluationOpensDays" INTEGER NOT NULL DEFAULT 14;
ALTER TABLE "Instansi" ADD CONSTRAINT "Instansi_evaluationOpensDays_check" CHECK ("evaluationOpensDays" BETWEEN 0 AND 92);
