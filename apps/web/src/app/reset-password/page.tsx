import type { Metadata } from "next";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

/** Where the reset mail's link lands. The token is checked (and used up) on submit. */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <AuthPanel
      title="Choose a new password"
      subtitle="Your old password stops working as soon as you save the new one."
      footer={
        <>
          Link expired? <AuthLink href="/forgot-password">Send a new one</AuthLink>
        </>
      }
    >
      <ResetPasswordForm token={typeof token === "string" ? token : ""} />
    </AuthPanel>
  );
}
