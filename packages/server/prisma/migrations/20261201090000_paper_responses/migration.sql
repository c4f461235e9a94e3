-- CreateEnum
CREATE TYPE "ResponseChannel" AS ENUM ('ONLINE', 'PAPER');

-- AlterTable
ALTER TABLE "SurveyResponse" ADD COLUMN     "channel" "ResponseChannel" NOT NULL DEFAULT 'ONLINE';

