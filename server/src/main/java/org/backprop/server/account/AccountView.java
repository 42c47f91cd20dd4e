package org.backprop.server.account;

/** What the API shows of an account: never its password hash. */
public record AccountView(long id, String email, String name, boolean admin) {

    public static AccountView of(Account account) {
        return new AccountView(account.id, account.email, account.displayName, account.admin);
    }
}
