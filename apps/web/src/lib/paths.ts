/** The trading app's landing page: where the logo, "back" links and a finished log-in lead. */
export const HOME_PATH = "/markets";
