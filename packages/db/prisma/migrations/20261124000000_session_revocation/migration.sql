-- A password reset ends every session of the account: sessions issued before this moment are
-- refused (sessions are stateless JWT cookies, so the account records the cut-off).

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "sessions_valid_after" TIMESTAMP(3);
