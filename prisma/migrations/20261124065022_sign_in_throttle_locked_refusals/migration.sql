-- AlterTable
ALTER TABLE "SignInThrottle" ADD COLUMN     "lockedRefusals" INTEGER NOT NULL DEFAULT 0;
