import type { Metadata } from "next";
import { AuthLink } from "@/components/auth/auth-link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <AuthPanel
      title="Reset your password"
      subtitle="Enter your account's email and we will send you a link to choose a new password."
      footer={
        <>
          Remembered it? <AuthLink href="/login">Log in</AuthLink>
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthPanel>
  );
}
