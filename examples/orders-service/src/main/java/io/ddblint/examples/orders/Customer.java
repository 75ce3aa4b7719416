package io.ddblint.examples.orders;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The customer profile item: PK = CUSTOMER#&lt;customerId&gt;, SK = PROFILE (enhanced-client bean). */
@DynamoDbBean
public class Customer {

    private String pk;
    private String sk;
    private String customerId;
    private String name;
    private String email;

    public static Customer of(String customerId, String name, String email) {
        Customer customer = new Customer();
        customer.setPk(Tables.customerKey(customerId));
        customer.setSk(Tables.PROFILE);
        customer.setCustomerId(customerId);
        customer.setName(name);
        customer.setEmail(email);
        return customer;
    }

    @DynamoDbPartitionKey
    @DynamoDbAttribute(Tables.PK)
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute(Tables.SK)
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
