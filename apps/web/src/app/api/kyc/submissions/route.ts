import { requestClient } from "@exchange/ui/server";
import { currentTrader } from "@/auth";
import { receiveKycSubmission } from "@/server/kyc-submission";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** A trader's KYC submission (multipart): see receiveKycSubmission. */
export async function POST(request: Request) {
  return receiveKycSubmission(request, {
    trader: await currentTrader(),
    services: getServices,
    client: requestClient(request.headers),
  });
}
