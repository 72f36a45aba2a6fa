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
exports.seedStaff = seedStaff;
exports.submitWebLogIn = submitWebLogIn;
exports.logInToAdmin = logInToAdmin;
exports.sectionNav = sectionNav;
var test_1 = require("@playwright/test");
var fixtures_1 = require("../../fixtures");
/** A seeded staff account by role; the seed has exactly one per role. */
function seedStaff(role) {
    var staff = fixtures_1.SEED_STAFF.find(function (s) { return s.role === role; });
    if (!staff)
        throw new Error("the seed has no ".concat(role, " staff member"));
    return staff;
}
/** Fills and sends the trading site's log-in form (the result is the caller's to check). */
function submitWebLogIn(page, credentials) {
    return __awaiter(this, void 0, void 0, function () {
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, page.goto("".concat(fixtures_1.WEB_URL, "/login"))];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, page.getByLabel("Email").fill(credentials.email)];
                case 2:
                    _a.sent();
                    return [4 /*yield*/, page.getByLabel("Password").fill(credentials.password)];
                case 3:
                    _a.sent();
                    return [4 /*yield*/, page.getByRole("button", { name: "Log in" }).click()];
                case 4:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
/** Logs a staff member into the admin console and waits for the dashboard. */
function logInToAdmin(page, role) {
    return __awaiter(this, void 0, void 0, function () {
        var staff;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    staff = seedStaff(role);
                    return [4 /*yield*/, page.goto("".concat(fixtures_1.ADMIN_URL, "/login"))];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, page.getByLabel("Work email").fill(staff.email)];
                case 2:
                    _a.sent();
                    return [4 /*yield*/, page.getByLabel("Password").fill(staff.password)];
                case 3:
                    _a.sent();
                    return [4 /*yield*/, page.getByRole("button", { name: "Log in" }).click()];
                case 4:
                    _a.sent();
                    return [4 /*yield*/, (0, test_1.expect)(page.getByRole("heading", { name: "Dashboard" })).toBeVisible()];
                case 5:
                    _a.sent();
                    return [4 /*yield*/, (0, test_1.expect)(page.getByTestId("staff-name")).toHaveText(staff.name)];
                case 6:
                    _a.sent();
                    return [2 /*return*/, staff];
            }
        });
    });
}
/** The admin console's section navigation. */
function sectionNav(page) {
    return page.getByRole("navigation", { name: "Sections" });
}
