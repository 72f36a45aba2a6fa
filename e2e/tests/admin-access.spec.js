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
(0, test_1.test)("[ADMIN] staff log in and see their name, roles and every section their roles open", function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var _i, _c, section;
    var page = _b.page;
    return __generator(this, function (_d) {
        switch (_d.label) {
            case 0: return [4 /*yield*/, (0, sessions_1.logInToAdmin)(page, "ADMIN")];
            case 1:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("role-badge")).toHaveText(["Admin"])];
            case 2:
                _d.sent();
                _i = 0, _c = ["KYC", "Withdrawals", "Products", "Markets", "Audit"];
                _d.label = 3;
            case 3:
                if (!(_i < _c.length)) return [3 /*break*/, 6];
                section = _c[_i];
                return [4 /*yield*/, (0, test_1.expect)((0, sessions_1.sectionNav)(page).getByRole("link", { name: section })).toBeVisible()];
            case 4:
                _d.sent();
                _d.label = 5;
            case 5:
                _i++;
                return [3 /*break*/, 3];
            case 6: return [4 /*yield*/, page.getByRole("button", { name: "Log out" }).click()];
            case 7:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole("heading", { name: "Staff log-in" })).toBeVisible()];
            case 8:
                _d.sent();
                return [4 /*yield*/, page.goto("".concat(fixtures_1.ADMIN_URL, "/"))];
            case 9:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL("".concat(fixtures_1.ADMIN_URL, "/login"))];
            case 10:
                _d.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)("[ADMIN] a wrong staff password is refused with a generic error", function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var finance;
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0:
                finance = (0, sessions_1.seedStaff)("FINANCE");
                return [4 /*yield*/, page.goto("".concat(fixtures_1.ADMIN_URL, "/login"))];
            case 1:
                _c.sent();
                return [4 /*yield*/, page.getByLabel("Work email").fill(finance.email)];
            case 2:
                _c.sent();
                return [4 /*yield*/, page.getByLabel("Password").fill("not-the-password-1")];
            case 3:
                _c.sent();
                return [4 /*yield*/, page.getByRole("button", { name: "Log in" }).click()];
            case 4:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("form-error")).toHaveText("Incorrect email or password.")];
            case 5:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL("".concat(fixtures_1.ADMIN_URL, "/login"))];
            case 6:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)("[ADMIN] a finance user is refused the KYC section", function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var response, api, _c;
    var page = _b.page;
    return __generator(this, function (_d) {
        switch (_d.label) {
            case 0: return [4 /*yield*/, (0, sessions_1.logInToAdmin)(page, "FINANCE")];
            case 1:
                _d.sent();
                // The navigation offers only what finance may open…
                return [4 /*yield*/, (0, test_1.expect)((0, sessions_1.sectionNav)(page).getByRole("link", { name: "Withdrawals" })).toBeVisible()];
            case 2:
                // The navigation offers only what finance may open…
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)((0, sessions_1.sectionNav)(page).getByRole("link", { name: "KYC" })).toHaveCount(0)];
            case 3:
                _d.sent();
                return [4 /*yield*/, page.goto("".concat(fixtures_1.ADMIN_URL, "/kyc"))];
            case 4:
                response = _d.sent();
                (0, test_1.expect)(response === null || response === void 0 ? void 0 : response.status()).toBe(403);
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole("heading", { name: "You don't have access to KYC" })).toBeVisible()];
            case 5:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole("table")).toHaveCount(0)];
            case 6:
                _d.sent();
                return [4 /*yield*/, page.request.get("".concat(fixtures_1.ADMIN_URL, "/api/trpc/kyc.queue"))];
            case 7:
                api = _d.sent();
                (0, test_1.expect)(api.status()).toBe(403);
                _c = test_1.expect;
                return [4 /*yield*/, api.json()];
            case 8:
                _c.apply(void 0, [(_d.sent()).error.json.data.appCode]).toBe("FORBIDDEN");
                // Finance's own section works.
                return [4 /*yield*/, (0, sessions_1.sectionNav)(page).getByRole("link", { name: "Withdrawals" }).click()];
            case 9:
                // Finance's own section works.
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole("heading", { name: "Withdrawals", level: 1 })).toBeVisible()];
            case 10:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByText("No withdrawals awaiting approval")).toBeVisible()];
            case 11:
                _d.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)("[ADMIN] compliance can open KYC and sees its staff log-in in the audit log", function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var compliance, direct, _c;
    var _d;
    var page = _b.page;
    return __generator(this, function (_e) {
        switch (_e.label) {
            case 0: return [4 /*yield*/, (0, sessions_1.logInToAdmin)(page, "COMPLIANCE")];
            case 1:
                compliance = _e.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("role-badge")).toHaveText(["Compliance"])];
            case 2:
                _e.sent();
                return [4 /*yield*/, (0, sessions_1.sectionNav)(page).getByRole("link", { name: "KYC" }).click()];
            case 3:
                _e.sent();
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL("".concat(fixtures_1.ADMIN_URL, "/kyc"))];
            case 4:
                _e.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole("heading", { name: "KYC", level: 1 })).toBeVisible()];
            case 5:
                _e.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole("columnheader", { name: "Submitted" })).toBeVisible()];
            case 6:
                _e.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByText("No submissions to review")).toBeVisible()];
            case 7:
                _e.sent();
                return [4 /*yield*/, page.goto("".concat(fixtures_1.ADMIN_URL, "/kyc"))];
            case 8:
                direct = _e.sent();
                (0, test_1.expect)(direct === null || direct === void 0 ? void 0 : direct.status()).toBe(200);
                return [4 /*yield*/, (0, sessions_1.sectionNav)(page).getByRole("link", { name: "Audit" }).click()];
            case 9:
                _e.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole("heading", { name: "Audit", level: 1 })).toBeVisible()];
            case 10:
                _e.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("audit-row").filter({ hasText: "staff.login" }).first()).toBeVisible()];
            case 11:
                _e.sent();
                (0, test_1.expect)(compliance.role).toBe("COMPLIANCE");
                // Compliance has no business in markets configuration.
                _c = test_1.expect;
                return [4 /*yield*/, page.goto("".concat(fixtures_1.ADMIN_URL, "/markets"))];
            case 12:
                // Compliance has no business in markets configuration.
                _c.apply(void 0, [(_d = (_e.sent())) === null || _d === void 0 ? void 0 : _d.status()]).toBe(403);
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)("[ADMIN] operations sees the real markets", function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var rows;
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, (0, sessions_1.logInToAdmin)(page, "OPERATIONS")];
            case 1:
                _c.sent();
                return [4 /*yield*/, (0, sessions_1.sectionNav)(page).getByRole("link", { name: "Markets" }).click()];
            case 2:
                _c.sent();
                rows = page.getByTestId("market-row");
                return [4 /*yield*/, (0, test_1.expect)(rows).toHaveCount(2)];
            case 3:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(rows.getByRole("rowheader", { name: /BTC\/USDT/ })).toBeVisible()];
            case 4:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(rows.getByRole("rowheader", { name: /ETH\/USDT/ })).toBeVisible()];
            case 5:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)((0, sessions_1.sectionNav)(page).getByRole("link", { name: "KYC" })).toHaveCount(0)];
            case 6:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)("[ADMIN] staff and trader sessions in one browser stay apart", function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var trader;
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, (0, sessions_1.logInToAdmin)(page, "ADMIN")];
            case 1:
                _c.sent();
                // Same host, different port: the admin session must not count as a trader session.
                return [4 /*yield*/, page.goto("".concat(fixtures_1.WEB_URL, "/markets"))];
            case 2:
                // Same host, different port: the admin session must not count as a trader session.
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole("link", { name: "Log in" })).toBeVisible()];
            case 3:
                _c.sent();
                trader = fixtures_1.SEED_TRADERS[0];
                return [4 /*yield*/, (0, sessions_1.submitWebLogIn)(page, trader)];
            case 4:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("account-email")).toContainText(trader.email)];
            case 5:
                _c.sent();
                // Logging in on the trading site left the staff session intact.
                return [4 /*yield*/, page.goto("".concat(fixtures_1.ADMIN_URL, "/"))];
            case 6:
                // Logging in on the trading site left the staff session intact.
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("staff-name")).toHaveText((0, sessions_1.seedStaff)("ADMIN").name)];
            case 7:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
