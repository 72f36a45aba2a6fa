"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
Object.defineProperty(exports, "__esModule", { value: true });
var test_1 = require("@playwright/test");
var fixtures_1 = require("../fixtures");
var sessions_1 = require("./support/sessions");
var GOOD_PASSWORD = "correct-horse-42";
(0, test_1.test)("[AUTH] a trader registers, logs in, sees both markets, logs out", function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var email, markets;
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0:
                email = (0, fixtures_1.uniqueEmail)("journey");
                return [4 /*yield*/, page.goto("".concat(fixtures_1.WEB_URL, "/register"))];
            case 1:
                _c.sent();
                return [4 /*yield*/, page.getByLabel("Email").fill(email)];
            case 2:
                _c.sent();
                return [4 /*yield*/, page.getByLabel("Password").fill(GOOD_PASSWORD)];
            case 3:
                _c.sent();
                return [4 /*yield*/, page.getByRole("button", { name: "Create account" }).click()];
            case 4:
                _c.sent();
                // Registration logs the new trader in and lands on the markets.
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL("".concat(fixtures_1.WEB_URL, "/markets"))];
            case 5:
                // Registration logs the new trader in and lands on the markets.
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("account-email")).toContainText(email)];
            case 6:
                _c.sent();
                return [4 /*yield*/, page.getByRole("button", { name: "Log out" }).click()];
            case 7:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole("link", { name: "Log in" })).toBeVisible()];
            case 8:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("account-email")).toHaveCount(0)];
            case 9:
                _c.sent();
                return [4 /*yield*/, (0, sessions_1.submitWebLogIn)(page, { email: email, password: GOOD_PASSWORD })];
            case 10:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL("".concat(fixtures_1.WEB_URL, "/markets"))];
            case 11:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("account-email")).toContainText(email)];
            case 12:
                _c.sent();
                markets = page.getByTestId("market-row");
                return [4 /*yield*/, (0, test_1.expect)(markets.getByRole("rowheader", { name: "BTC/USDT" })).toBeVisible()];
            case 13:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(markets.getByRole("rowheader", { name: "ETH/USDT" })).toBeVisible()];
            case 14:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(markets.first()).toContainText("Trading")];
            case 15:
                _c.sent();
                return [4 /*yield*/, page.getByRole("button", { name: "Log out" }).click()];
            case 16:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole("link", { name: "Log in" })).toBeVisible()];
            case 17:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("account-email")).toHaveCount(0)];
            case 18:
                _c.sent();
                // The session is really gone: the log-in page no longer sends this browser onwards.
                return [4 /*yield*/, page.goto("".concat(fixtures_1.WEB_URL, "/login"))];
            case 19:
                // The session is really gone: the log-in page no longer sends this browser onwards.
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole("heading", { name: "Log in" })).toBeVisible()];
            case 20:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)("[AUTH] a wrong password is refused with an error that does not say which part was wrong", function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var trader;
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0:
                trader = fixtures_1.SEED_TRADERS[0];
                return [4 /*yield*/, (0, sessions_1.submitWebLogIn)(page, { email: trader.email, password: "not-the-password-1" })];
            case 1:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("form-error")).toHaveText("Incorrect email or password.")];
            case 2:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL("".concat(fixtures_1.WEB_URL, "/login"))];
            case 3:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("account-email")).toHaveCount(0)];
            case 4:
                _c.sent();
                // An unknown email gets exactly the same answer, so accounts cannot be discovered this way.
                return [4 /*yield*/, (0, sessions_1.submitWebLogIn)(page, { email: (0, fixtures_1.uniqueEmail)("nobody"), password: "not-the-password-1" })];
            case 5:
                // An unknown email gets exactly the same answer, so accounts cannot be discovered this way.
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("form-error")).toHaveText("Incorrect email or password.")];
            case 6:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)("[AUTH] registering an email that already has an account is refused on the email field", function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var trader;
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0:
                trader = fixtures_1.SEED_TRADERS[0];
                return [4 /*yield*/, page.goto("".concat(fixtures_1.WEB_URL, "/register"))];
            case 1:
                _c.sent();
                // Different case and spacing: the server compares normalised emails.
                return [4 /*yield*/, page.getByLabel("Email").fill(" ".concat(trader.email.toUpperCase(), " "))];
            case 2:
                // Different case and spacing: the server compares normalised emails.
                _c.sent();
                return [4 /*yield*/, page.getByLabel("Password").fill(GOOD_PASSWORD)];
            case 3:
                _c.sent();
                return [4 /*yield*/, page.getByRole("button", { name: "Create account" }).click()];
            case 4:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByLabel("Email")).toHaveAccessibleDescription("This email is already registered.")];
            case 5:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL("".concat(fixtures_1.WEB_URL, "/register"))];
            case 6:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("account-email")).toHaveCount(0)];
            case 7:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)("[AUTH] a malformed email and a weak password get field errors", function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, page.goto("".concat(fixtures_1.WEB_URL, "/register"))];
            case 1:
                _c.sent();
                return [4 /*yield*/, page.getByLabel("Email").fill("not-an-email")];
            case 2:
                _c.sent();
                return [4 /*yield*/, page.getByLabel("Password").fill("short")];
            case 3:
                _c.sent();
                return [4 /*yield*/, page.getByRole("button", { name: "Create account" }).click()];
            case 4:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByLabel("Email")).toHaveAccessibleDescription("Enter a valid email address.")];
            case 5:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByLabel("Password")).toHaveAccessibleDescription(/Use at least 10 characters\./)];
            case 6:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true")];
            case 7:
                _c.sent();
                // Long enough but all letters: the digit rule speaks, and the fixed email's error is gone.
                return [4 /*yield*/, page.getByLabel("Email").fill((0, fixtures_1.uniqueEmail)("weak"))];
            case 8:
                // Long enough but all letters: the digit rule speaks, and the fixed email's error is gone.
                _c.sent();
                return [4 /*yield*/, page.getByLabel("Password").fill("onlyletterspassword")];
            case 9:
                _c.sent();
                return [4 /*yield*/, page.getByRole("button", { name: "Create account" }).click()];
            case 10:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByLabel("Password")).toHaveAccessibleDescription("Include at least one digit.")];
            case 11:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true")];
            case 12:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL("".concat(fixtures_1.WEB_URL, "/register"))];
            case 13:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)("[AUTH] the API refuses a malformed registration with field errors, whatever the form did", function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var response, body;
    var request = _b.request;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, request.post("".concat(fixtures_1.WEB_URL, "/api/trpc/auth.register"), {
                    data: { json: { email: "not-an-email", password: "short" } },
                })];
            case 1:
                response = _c.sent();
                (0, test_1.expect)(response.status()).toBe(400);
                return [4 /*yield*/, response.json()];
            case 2:
                body = _c.sent();
                (0, test_1.expect)(body.error.json.data.appCode).toBe("INVALID_INPUT");
                (0, test_1.expect)(body.error.json.data.fieldErrors.email).toContain("Enter a valid email address.");
                (0, test_1.expect)(body.error.json.data.fieldErrors.password).toContain("Use at least 10 characters.");
                return [2 /*return*/];
        }
    });
}); });
