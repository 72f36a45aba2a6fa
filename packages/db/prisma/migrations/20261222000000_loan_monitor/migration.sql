-- The loan monitor (issue 19 part 5): each loan's warning state, so a restart warns no one
-- twice for one crossing, and the operators' approvals to sell a liquidation below its
-- bankruptcy price.
CREATE TABLE "loan_warning_states" (
    "loan_id" UUID NOT NULL,
    -- Crossings of the warning line warned so far (the notification of crossing n is keyed by n).
    "crossings" INTEGER NOT NULL DEFAULT 0,
    -- Warned for the present crossing; false once the LTV fell back below the line (re-armed).
    "warned" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "loan_warning_states_pkey" PRIMARY KEY ("loan_id")
);

CREATE TABLE "loan_liquidation_approvals" (
    "loan_id" UUID NOT NULL,
    "approved_by_staff_id" INTEGER NOT NULL,
    "approved_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "loan_liquidation_approvals_pkey" PRIMARY KEY ("loan_id")
);
