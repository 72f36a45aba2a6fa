import { verifyEmail } from "@exchange/api";
import { buttonClasses, FormAlert, FormNotice } from "@exchange/ui";
import { clientIp, spokenErrorCode } from "@exchange/ui/server";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { ResendForm } from "@/components/auth/resend-form";
import { getServices } from "@/server/services";

export const metadata: Metadata = { title: "Verify your email" };
// Uses a single-use token: never prerendered, never cached.
export const dynamic = "force-dynamic";

type Outcome =
  | { ok: true; email: string; alreadyVerified: boolean }
  | { ok: false; message: string };

/** Where the verification mail's link lands. */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const outcome = await verify(typeof token === "string" ? token : "");
  return (
    <AuthPanel
      title={outcome.ok ? "Email verified" : "We could not verify your email"}
      subtitle={outcome.ok ? "Your account is ready." : "The link did not work."}
      footer={
        <>
          Need help? <AuthLink href="/login">Back to log in</AuthLink>
        </>
      }
    >
      {outcome.ok ? (
        <div className="flex flex-col gap-4">
          <FormNotice>
            {outcome.alreadyVerified
              ? `${outcome.email} was already verified.`
              : `${outcome.email} is verified. Thank you.`}
          </FormNotice>
          <Link
            href="/login?notice=verified"
            className={`${buttonClasses("primary", "md")} w-full`}
          >
            Log in
          </Link>
        </div>
      ) : (
        <div className="flex flex-col gap-4">
          <FormAlert>{outcome.message}</FormAlert>
          <p className="text-[13px] text-ink-muted">
            Enter your email and we will send a new link.
          </p>
          <ResendForm />
        </div>
      )}
    </AuthPanel>
  );
}

async function verify(token: string): Promise<Outcome> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
    return { ok: false, message: "This link is not valid. Please check it or ask for a new one." };
  }
  try {
    const ip = clientIp(await headers());
    return { ok: true, ...(await verifyEmail(await getServices(), { token, ip })) };
  } catch (error) {
    if (!spokenErrorCode(error)) throw error;
    return { ok: false, message: (error as Error).message };
  }
}
