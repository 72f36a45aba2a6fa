import type { Metadata } from "next";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { ResendButton } from "@/components/auth/resend-button";

export const metadata: Metadata = { title: "Check your email" };

/** After registration: the account opens once the mailed link is followed. */
export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string | string[] }>;
}) {
  const { email } = await searchParams;
  const address = typeof email === "string" ? email : undefined;
  return (
    <AuthPanel
      title="Check your email"
      subtitle="One more step to open your account."
      footer={
        <>
          Verified already? <AuthLink href="/login">Log in</AuthLink>
        </>
      }
    >
      <div className="flex flex-col gap-5">
        <div className="flex items-start gap-3 rounded-lg bg-canvas p-4 ring-1 ring-line">
          <MailIcon />
          <p className="text-[13px] leading-5 text-ink-muted">
            We sent a verification link to{" "}
            <strong className="font-medium text-ink" data-testid="sent-to">
              {address ?? "your email address"}
            </strong>
            . Open it to verify your address, then log in. The link expires in 24 hours.
          </p>
        </div>
        <p className="text-xs text-ink-faint">
          Nothing arrived after a few minutes? Check your spam folder, or send it again.
        </p>
        {address ? <ResendButton email={address} /> : null}
      </div>
    </AuthPanel>
  );
}

function MailIcon() {
  return (
    <span className="grid size-9 shrink-0 place-items-center rounded-full bg-brand/15 text-brand">
      <svg viewBox="0 0 20 20" fill="currentColor" className="size-4.5" aria-hidden="true">
        <path d="M3 4a2 2 0 0 0-2 2v1.161l8.441 4.221a1.25 1.25 0 0 0 1.118 0L19 7.162V6a2 2 0 0 0-2-2H3Z" />
        <path d="m19 8.839-7.77 3.885a2.75 2.75 0 0 1-2.46 0L1 8.839V14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V8.839Z" />
      </svg>
    </span>
  );
}
